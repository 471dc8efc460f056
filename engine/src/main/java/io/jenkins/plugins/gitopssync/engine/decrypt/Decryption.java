package io.jenkins.plugins.gitopssync.engine.decrypt;

/**
 * How a render decrypts sops files: with which keys, and whether the MAC is checked (it is by default;
 * Flux does not check it, because it decrypts after Kustomize changed the objects; this engine decrypts
 * the files before Kustomize reads them, so the check can stay on).
 */
public record Decryption(DecryptionKeys keys, boolean verifyMac) {

    public static final boolean DEFAULT_VERIFY_MAC = true;

    public Decryption {
        keys = keys == null ? DecryptionKeys.none() : keys;
    }

    public static Decryption none() {
        return new Decryption(DecryptionKeys.none(), DEFAULT_VERIFY_MAC);
    }
}
