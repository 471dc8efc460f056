package io.jenkins.plugins.gitopssync.engine.cluster;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/** Turns API failures into messages a user can act on. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static int code(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof KubernetesClientException k && k.getCode() > 0) {
                return k.getCode();
            }
        }
        return 0;
    }

    public static boolean isNotFound(Throwable t) {
        return code(t) == 404;
    }

    public static boolean isForbidden(Throwable t) {
        return code(t) == 403;
    }

    /** The API server's own message (Status.message), else the exception's. Never includes request bodies. */
    public static String serverMessage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof KubernetesClientException k && k.getStatus() != null
                    && k.getStatus().getMessage() != null) {
                return k.getStatus().getMessage();
            }
        }
        Throwable root = t;
        while (root.getCause() != null && (root instanceof ExecutionException || root.getMessage() == null
                || root instanceof KubernetesClientException)) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** The field-level causes of a 422, e.g. ["spec.selector: field is immutable"]. */
    public static List<String> causes(Throwable t) {
        List<String> out = new ArrayList<>();
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof KubernetesClientException k && k.getStatus() != null) {
                Status s = k.getStatus();
                if (s.getDetails() != null && s.getDetails().getCauses() != null) {
                    for (StatusCause cause : s.getDetails().getCauses()) {
                        out.add((cause.getField() == null ? "" : cause.getField() + ": ") + cause.getMessage());
                    }
                }
                break;
            }
        }
        return out;
    }

    /** True when the failure is about reaching the server (not an answer from it). */
    public static boolean isConnectionFailure(Throwable t) {
        if (code(t) > 0) {
            return false;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof UnknownHostException || c instanceof NoRouteToHostException
                    || c instanceof SocketTimeoutException || c instanceof SSLException
                    || c instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    /** A short reason for a connection failure: "Connection refused", "PKIX path building failed..." */
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
