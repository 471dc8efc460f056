package io.jenkins.plugins.gitopssync.engine;

/**
 * A failure the user can act on (bad input, unreachable cluster, permission denied...). The message
 * names the file and line or the object, and is safe to print: it never holds secret values.
 */
public class SyncException extends RuntimeException {

    public SyncException(String message) {
        super(message);
    }

    public SyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
