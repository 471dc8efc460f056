package io.jenkins.plugins.gitopssync.testing;

/** Manifests for the plugin's tests to sync. */
public final class Manifests {

    private Manifests() {
    }

    /** A ConfigMap: the smallest object worth syncing. */
    public static String configMap(String ns, String name, String greeting) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n  namespace: " + ns + "\ndata:\n  greeting: "
                + greeting + "\n";
    }
}
