package io.jenkins.plugins.gitopssync.trigger;

import hudson.init.Terminator;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import io.jenkins.plugins.gitopssync.config.GitOpsGlobalSettings;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where the GitOps triggers' checks run: a small pool of this plugin's own, never Jenkins' shared
 * timer (whose threads run every periodic task of the controller, so a slow remote or cluster would
 * stall them all). Each check gets a time limit; a check past it is interrupted and reported, and the
 * pool's size and queue bound what hung remotes can hold. Size, queue and limit are the administrator's
 * ({@link GitOpsGlobalSettings}), read at every submission, so a change applies without a restart.
 */
final class TriggerChecks {

    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), new NamingThreadFactory(new DaemonThreadFactory(), "GitOps trigger check")); // NOI18N
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(
            new NamingThreadFactory(new DaemonThreadFactory(), "GitOps trigger watchdog")); // NOI18N

    static {
        POOL.allowCoreThreadTimeOut(true);
    }

    private TriggerChecks() {
    }

    /**
     * Runs a check on the pool; when it has not finished within the time limit, interrupts it and
     * calls {@code onTimeout} (once, never together with a normal end).
     *
     * @throws RejectedExecutionException when the queue is full or Jenkins is stopping
     */
    static void submit(Runnable check, Runnable onTimeout) {
        GitOpsGlobalSettings settings = GitOpsGlobalSettings.get();
        resize(settings.getTriggerThreads());
        if (POOL.getQueue().size() >= settings.getTriggerQueue()) {
            throw new RejectedExecutionException("the trigger check queue is full"); // NOI18N: reported as CheckSkipped
        }
        Future<?> running = POOL.submit(check);
        WATCHDOG.schedule(() -> {
            if (running.cancel(true)) {
                onTimeout.run();
            }
        }, settings.getTriggerTimeoutSeconds(), TimeUnit.SECONDS);
    }

    /** The time limit of one check, for messages. */
    static Duration timeout() {
        return Duration.ofSeconds(GitOpsGlobalSettings.get().getTriggerTimeoutSeconds());
    }

    private static synchronized void resize(int threads) {
        if (threads > POOL.getMaximumPoolSize()) {
            POOL.setMaximumPoolSize(threads);
            POOL.setCorePoolSize(threads);
        } else if (threads < POOL.getMaximumPoolSize()) {
            POOL.setCorePoolSize(threads);
            POOL.setMaximumPoolSize(threads);
        }
    }

    @Terminator
    public static void shutdown() {
        POOL.shutdownNow();
        WATCHDOG.shutdownNow();
    }
}
