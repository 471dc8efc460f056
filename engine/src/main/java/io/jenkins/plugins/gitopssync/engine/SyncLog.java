package io.jenkins.plugins.gitopssync.engine;

/**
 * Where the engine reports progress: the CLI writes to stderr, the plugin to the build log.
 * Implementations must never receive secret values; the engine masks before calling.
 */
public interface SyncLog {

    void info(String message);

    void warn(String message);

    /** Detail only shown with --verbose. */
    default void debug(String message) {
    }

    SyncLog SILENT = new SyncLog() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }
    };
}
