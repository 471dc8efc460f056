package io.jenkins.plugins.gitopssync.engine.cluster;

import java.util.List;

/**
 * An error answer from the API server (or a failure to reach it, code 0). {@code message} is the
 * server's Status message; {@code causes} the field-level causes of a 422 ("spec.selector: field is
 * immutable"). Never holds a request body.
 */
public class ApiException extends RuntimeException {

    /** The reason of a request that ran out of the time its caller had left. */
    public static final String TIMED_OUT = "TimedOut";

    private final int code;
    private final String reason;
    private final String verb;
    private final String resource;
    private final String namespace;
    private final List<String> causes;

    public ApiException(int code, String reason, String message, List<String> causes, String verb, String resource,
                        String namespace, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.reason = reason == null ? "" : reason;
        this.causes = causes == null ? List.of() : List.copyOf(causes);
        this.verb = verb;
        this.resource = resource;
        this.namespace = namespace == null ? "" : namespace;
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    public List<String> causes() {
        return causes;
    }

    /** The HTTP method turned into the Kubernetes verb: get, list, create, patch, update, delete. */
    public String verb() {
        return verb;
    }

    /** "deployments.apps", "secrets". */
    public String resource() {
        return resource;
    }

    public String namespace() {
        return namespace;
    }

    public boolean isNotFound() {
        return code == 404;
    }

    public boolean isForbidden() {
        return code == 403;
    }

    public boolean isConflict() {
        return code == 409;
    }

    /** The request ran out of its caller's time (see KubeApi#until). */
    public boolean isTimedOut() {
        return TIMED_OUT.equals(reason);
    }

    public boolean isConnectionFailure() {
        return code == 0;
    }

    /** "permission denied: cannot patch deployments.apps in namespace shop" (without the object). */
    public String permissionMessage() {
        return "permission denied: cannot " + verb + " " + resource
                + (namespace.isEmpty() ? " (cluster-scoped)" : " in namespace " + namespace);
    }

    /** True for the errors a delete and re-create can fix: changing a field the server will not change. */
    public boolean isImmutableFieldError() {
        if (code != 422 && code != 409) {
            return false;
        }
        String all = (getMessage() + " " + String.join(" ", causes)).toLowerCase(java.util.Locale.ROOT);
        return all.contains("immutable") || all.contains("may not change once set")
                || all.contains("updates to statefulset spec for fields other than");
    }
}
