package io.jenkins.plugins.gitopssync.engine.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns an error answer of the API server, or a failure to reach it, into what a user can act on. */
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

    /** An error response: the server's Status message, reason and field causes; the HTTP code when it sent none. */
    static ApiException fromResponse(int code, byte[] body, String verb, String resource, String namespace) {
        String message = "HTTP " + code;
        String reason = "";
        List<String> causes = new ArrayList<>();
        try {
            Map<String, Object> status = KubeApi.parse(body);
            if (status.get("message") != null) {
                message = status.get("message").toString();
            }
            reason = status.get("reason") == null ? "" : status.get("reason").toString();
            if (status.get("details") instanceof Map<?, ?> d && d.get("causes") instanceof List<?> cs) {
                for (Object c : cs) {
                    if (c instanceof Map<?, ?> cm) {
                        Object f = cm.get("field");
                        causes.add((f == null ? "" : f + ": ") + cm.get("message"));
                    }
                }
            }
        } catch (RuntimeException ignored) {
            // not a Status: keep the HTTP code as the message (bodies may echo input, so never include them)
        }
        return new ApiException(code, reason, message, causes, verb, resource, namespace, null);
    }
}
