package io.jenkins.plugins.gitopssync.engine.cluster;

/** The pause between two polls of the cluster; an interrupt (the build aborted, the JVM stopping) ends the wait. */
public final class Pause {

    private Pause() {
    }

    /** Sleeps; interrupted, keeps the thread's interrupt flag and throws {@link ApiException#interrupted}. */
    public static void millis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.interrupted(ApiException.Call.WAIT, e);
        }
    }
}
