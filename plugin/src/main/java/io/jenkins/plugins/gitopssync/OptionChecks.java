package io.jenkins.plugins.gitopssync;

import java.util.Locale;

/**
 * Checks of single option values, shared by the form validations and the run-time checks. Each returns
 * null when the value is fine, else a message the user can act on.
 */
public final class OptionChecks {

    private OptionChecks() {
    }

    public static String url(String url) {
        if (url == null || url.isBlank()) {
            return "The repository URL is required.";
        }
        String u = url.trim();
        if (u.contains(" ")) {
            return "The repository URL must not contain spaces.";
        }
        return null;
    }

    /** The path must stay inside the repository: relative, no ".." segment. */
    public static String path(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        String p = path.trim().replace('\\', '/');
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*")) {
            return "The path must be relative to the repository root, not absolute: " + path;
        }
        for (String segment : p.split("/")) {
            if (segment.equals("..")) {
                return "The path must stay inside the repository (no '..'): " + path;
            }
        }
        return null;
    }

    public static String timeout(String timeout) {
        try {
            Durations.parse(timeout);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    public static String applySet(String name) {
        if (name == null || name.isBlank() || ApplySetNames.isValid(name.trim())) {
            return null;
        }
        return "The ApplySet name must be a DNS label: lower-case letters, digits and '-', at most 63 characters: " + name;
    }

    public static String namespace(String ns) {
        if (ns == null || ns.isBlank() || ApplySetNames.isValid(ns.trim())) {
            return null;
        }
        return "Not a valid namespace name: " + ns;
    }

    public static String serverUrl(String serverUrl) {
        if (serverUrl == null || serverUrl.isBlank()) {
            return null;
        }
        String s = serverUrl.trim().toLowerCase(Locale.ROOT);
        if (!s.startsWith("https://") && !s.startsWith("http://")) {
            return "The API server URL must start with https:// (or http://): " + serverUrl;
        }
        return null;
    }

    public static String concurrency(int concurrency) {
        return concurrency < 0 || concurrency > 64 ? "Concurrency must be between 1 and 64 (0 = engine default)." : null;
    }

    /** A connection is a kubeconfig credential, or a server URL with a token credential, or neither (in-cluster). */
    public static String connection(String kubeconfigCredentialsId, String serverUrl, String tokenCredentialsId) {
        boolean kube = notBlank(kubeconfigCredentialsId);
        boolean server = notBlank(serverUrl);
        boolean token = notBlank(tokenCredentialsId);
        if (kube && (server || token)) {
            return "Give either a kubeconfig credential or a server URL with a token credential, not both.";
        }
        if (server != token) {
            return "A server URL needs a token credential, and a token credential needs a server URL.";
        }
        return null;
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
