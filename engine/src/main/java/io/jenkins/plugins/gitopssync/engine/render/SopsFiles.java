package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.decrypt.Decryption;
import io.jenkins.plugins.gitopssync.engine.decrypt.SopsDecryptor;
import io.jenkins.plugins.gitopssync.engine.decrypt.SopsFormat;
import io.jenkins.plugins.gitopssync.engine.mask.SecretValues;

/** A render's view of sops: a file that carries sops' MAC is decrypted (its values kept for masking), others pass. */
final class SopsFiles {

    private final SopsDecryptor decryptor;
    private final SecretValues secrets;

    SopsFiles(Decryption decryption, SecretValues secrets) {
        this.decryptor = new SopsDecryptor(decryption.keys(), decryption.verifyMac());
        this.secrets = secrets;
    }

    static SopsFiles of(RenderOptions options) {
        return new SopsFiles(options.decryption(), options.secrets());
    }

    /** The file's plain content, or null when it is not sops-encrypted. Throws naming {@code rel} when it cannot be decrypted. */
    byte[] decrypt(String rel, byte[] content, SopsFormat format) {
        if (!format.marks(content)) {
            return null;
        }
        SopsDecryptor.Decrypted d = decryptor.decrypt(rel, content, format);
        secrets.addAll(d.secrets());
        return d.content();
    }
}
