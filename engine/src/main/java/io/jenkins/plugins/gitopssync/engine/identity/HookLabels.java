package io.jenkins.plugins.gitopssync.engine.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The labels every hook object carries instead of the ApplySet's part-of label (hooks are created for a sync,
 * not members of the set): which ApplySet's sync created it, and which hook of the set it is a run of. The
 * second finds the earlier runs of a hook, generated names included, so they can be deleted before the next.
 */
public final class HookLabels {

    public static final String HOOK_OF = "gitops-sync.jenkins.io/hook-of";
    public static final String HOOK = "gitops-sync.jenkins.io/hook";

    private HookLabels() {
    }

    /** 16 hex digits of the SHA-256 of the hook's kind, namespace and name (or generateName): a label value. */
    public static String idOf(ObjectRef ref) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(ref.key().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every hook object of the ApplySet's syncs. */
    public static String selector(String applySetId) {
        return HOOK_OF + "=" + applySetId;
    }

    /** Every run of one hook. */
    public static String selector(String applySetId, String hookId) {
        return selector(applySetId) + "," + HOOK + "=" + hookId;
    }
}
