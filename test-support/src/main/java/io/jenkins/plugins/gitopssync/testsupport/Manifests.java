package io.jenkins.plugins.gitopssync.testsupport;

/** Small manifests the engine's and the plugin's tests sync. */
public final class Manifests {

    private Manifests() {
    }

    public static String configMap(String name, String key, String value) {
        return object("v1", "ConfigMap", name, """
                data:
                  %s: "%s"
                """.formatted(key, value));
    }

    public static String configMapKept(String name) {
        return object("v1", "ConfigMap", name, """
                  annotations:
                    gitops-sync.jenkins.io/prune: disabled
                data:
                  keep: "yes"
                """);
    }

    public static String secret(String name, String password) {
        return object("v1", "Secret", name, """
                type: Opaque
                stringData:
                  password: "%s"
                """.formatted(password));
    }

    public static String deployment(String name, int replicas, String image, String nodeSelectorLine) {
        return object("apps/v1", "Deployment", name, """
                spec:
                  replicas: %d
                  selector:
                    matchLabels:
                      app: %s
                  template:
                    metadata:
                      labels:
                        app: %s
                    spec:
                %s      containers:
                      - name: main
                        image: %s
                """.formatted(replicas, name, name, nodeSelectorLine, image));
    }

    public static String deployment(String name, int replicas, String image) {
        return deployment(name, replicas, image, "");
    }

    public static String service(String name) {
        return object("v1", "Service", name, """
                spec:
                  selector:
                    app: %s
                  ports:
                  - port: 80
                    targetPort: 8080
                """.formatted(name));
    }

    /** An object's first lines (its type and name), then {@code rest}: more metadata, indented, or its body. */
    private static String object(String apiVersion, String kind, String name, String rest) {
        return "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata:\n  name: " + name + "\n" + rest;
    }

    /** A ConfigMap in a namespace, with one {@code greeting} entry: the smallest object worth syncing. */
    public static String configMapIn(String namespace, String name, String greeting) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n  namespace: " + namespace
                + "\ndata:\n  greeting: " + greeting + "\n";
    }
}
