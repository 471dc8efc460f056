package io.jenkins.plugins.gitopssync.engine.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * kubectl's ApplySet id for a Secret parent: "applyset-" + base64url-unpadded(sha256(
 * "name.namespace.Kind.group")) + "-v1"; the group of Secret is empty, hence the trailing dot.
 */
public final class ApplySetId {

    public static final String PART_OF_LABEL = "applyset.kubernetes.io/part-of";
    public static final String ID_LABEL = "applyset.kubernetes.io/id";
    public static final String TOOLING_ANNOTATION = "applyset.kubernetes.io/tooling";
    public static final String GROUP_KINDS_ANNOTATION = "applyset.kubernetes.io/contains-group-kinds";
    public static final String NAMESPACES_ANNOTATION = "applyset.kubernetes.io/additional-namespaces";
    public static final String TOOL_NAME = "gitops-sync";
    public static final String TOOLING = TOOL_NAME + "/1.0.0";

    private ApplySetId() {
    }

    public static String of(String name, String namespace) {
        String gknn = name + "." + namespace + ".Secret.";
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(gknn.getBytes(StandardCharsets.UTF_8));
            return "applyset-" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "-v1";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "kubectl/v1.30.0" → "kubectl": kubectl compares the part before the last slash. */
    public static String toolName(String tooling) {
        int slash = tooling.lastIndexOf('/');
        return slash < 0 ? tooling : tooling.substring(0, slash);
    }
}
