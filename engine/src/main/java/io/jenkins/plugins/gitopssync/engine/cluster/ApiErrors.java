package io.jenkins.plugins.gitopssync.engine.cluster;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns an error answer of the API server, or a failure to reach it, into a short reason a user can act on. */
public final class ApiErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiErrors() {
    }

    /**
     * The server's answer to a failed call: the message, reason and field causes of its Status body; a body that is
     * no Status leaves the HTTP code as the message (bodies may echo input, so they are never quoted).
     */
    static ApiException answer(int code, byte[] body, ApiException.Call call) {
        String message = "HTTP " + code;
        String reason = "";
        List<String> causes = new ArrayList<>();
        try {
            Map<String, Object> status = JSON.readValue(body, new TypeReference<Map<String, Object>>() { });
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
        } catch (Exception ignored) {
            // not a Status: the HTTP code stays the message
        }
        return ApiException.answered(code, reason, message, causes, call);
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
