package io.jenkins.plugins.gitopssync.engine.decrypt;

/** A file that cannot be decrypted; the message names no secret (the caller adds the file's name). */
public final class DecryptionException extends Exception {

    public DecryptionException(String message) {
        super(message);
    }
}
