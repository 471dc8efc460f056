package io.jenkins.plugins.gitopssync.engine.cluster;

import java.util.List;

/**
 * An error answer from the API server (or a failure to reach it, code 0). {@code message} is the
 * server's Status message; {@code causes} the field-level causes of a 422 ("spec.selector: field is
 * immutable"). Never holds a request body. Made by the factories below, one per way a call can fail.
 */
public class ApiException extends RuntimeException {

    /** The reason of a request that ran out of the time its caller had left. */
    public static final String TIMED_OUT = "TimedOut";

    /**
     * Which call failed, for messages: the Kubernetes verb (get, list, create, patch, update, delete, or wait for
     * a wait between calls), the resource ("deployments.apps", "secrets"; "" for none) and the namespace ("" for
     * none or cluster-scoped).
     */
    public record Call(String verb, String resource, String namespace) {

        public Call {
            resource = resource == null ? "" : resource;
            namespace = namespace == null ? "" : namespace;
        }

        /** A wait between calls, on no resource. */
        public static final Call WAIT = new Call("wait", "", "");
    }

    private final int code;
    private final String reason;
    private final Call call;
    private final List<String> causes;

    private ApiException(int code, String reason, String message, List<String> causes, Call call, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.reason = reason == null ? "" : reason;
        this.causes = List.copyOf(causes);
        this.call = call;
    }

    /** The server's answer to a call: its HTTP code, Status reason and message, and the field causes. */
    public static ApiException answered(int code, String reason, String message, List<String> causes, Call call) {
        return new ApiException(code, reason, message, causes, call, null);
    }

    /** No answer came: the cluster could not be reached ({@code reason} ConnectionFailed) or not in time. */
    public static ApiException unanswered(String reason, String message, Call call, Throwable cause) {
        return new ApiException(0, reason, message, List.of(), call, cause);
    }

    /** A call or a wait between calls was interrupted (the build aborted, the JVM stopping). */
    public static ApiException interrupted(Call call, InterruptedException cause) {
        return new ApiException(0, "Interrupted", call == Call.WAIT ? "interrupted while waiting" : "interrupted", List.of(),
                call, cause);
    }

    /** A wait for the server to finish something (a deletion) ran out of the sync's time. */
    public static ApiException gaveUpWaiting(String message, Call call) {
        return new ApiException(408, "Timeout", message, List.of(), call, null);
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
        return call.verb();
    }

    /** "deployments.apps", "secrets". */
    public String resource() {
        return call.resource();
    }

    public String namespace() {
        return call.namespace();
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
        return "permission denied: cannot " + verb() + " " + resource()
                + (namespace().isEmpty() ? " (cluster-scoped)" : " in namespace " + namespace());
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
