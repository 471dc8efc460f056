package io.jenkins.plugins.gitopssync.engine.cluster;

/** Turns a failure to reach the API server into a short reason a user can act on. */
public final class ApiErrors {

    private ApiErrors() {
    }

    /** The innermost message with its type: "ConnectException: Failed to connect to /127.0.0.1:6443 ..." */
    public static String connectionReason(Throwable t) {
        Throwable deepest = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null) {
                deepest = c;
            }
        }
        String m = deepest.getMessage();
        String type = deepest.getClass().getSimpleName();
        return m == null ? type : type + ": " + m;
    }
}
