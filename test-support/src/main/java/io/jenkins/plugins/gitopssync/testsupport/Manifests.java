package io.jenkins.plugins.gitopssync.testsupport;

/** Small manifests the engine's and the plugin's tests sync. */
public final class Manifests {

    private Manifests() {
    }

    public static String configMap(String name, String key, String value) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %s
                data:
                  %s: "%s"
                """.formatted(name, key, value);
    }

    public static String configMapKept(String name) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %s
                  annotations:
                    gitops-sync.jenkins.io/prune: disabled
                data:
                  keep: "yes"
                """.formatted(name);
    }

    public static String secret(String name, String password) {
        return """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: %s
                type: Opaque
                stringData:
                  password: "%s"
                """.formatted(name, password);
    }

    public static String deployment(String name, int replicas, String image, String nodeSelectorLine) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
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
                """.formatted(name, replicas, name, name, nodeSelectorLine, image);
    }

    public static String deployment(String name, int replicas, String image) {
        return deployment(name, replicas, image, "");
    }

    public static String service(String name) {
        return """
                apiVersion: v1
                kind: Service
                metadata:
                  name: %s
                spec:
                  selector:
                    app: %s
                  ports:
                  - port: 80
                    targetPort: 8080
                """.formatted(name, name);
    }

    /** A ConfigMap in a namespace, with one {@code greeting} entry: the smallest object worth syncing. */
    public static String configMapIn(String namespace, String name, String greeting) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n  namespace: " + namespace
                + "\ndata:\n  greeting: " + greeting + "\n";
    }
}
