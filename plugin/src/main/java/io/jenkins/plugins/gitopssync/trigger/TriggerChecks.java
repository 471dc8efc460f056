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
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Where the GitOps triggers' checks run: a small pool of this plugin's own, never Jenkins' shared
 * timer (whose threads run every periodic task of the controller, so a slow remote or cluster would
 * stall them all). Each check gets a time limit; a check past it is interrupted and reported, and the
 * pool's size and queue bound what hung remotes can hold. Size, queue and limit are the administrator's
 * ({@link GitOpsGlobalSettings}), read at every submission, so a change applies without a restart.
 */
@Restricted(NoExternalUse.class)
public final class TriggerChecks { // public: Jenkins calls the @Terminator reflectively, and only on a public class

    private static ThreadPoolExecutor pool;
    private static ScheduledExecutorService watchdog;

    private TriggerChecks() {
    }

    /**
     * Runs a check on the pool; when it has not finished within the time limit, interrupts it and
     * calls {@code onTimeout} (once, never together with a normal end).
     *
     * @throws RejectedExecutionException when the queue is full or Jenkins is stopping
     */
    static synchronized void submit(Runnable check, Runnable onTimeout) {
        GitOpsGlobalSettings settings = GitOpsGlobalSettings.get();
        ThreadPoolExecutor checks = pool(settings.getTriggerThreads());
        if (checks.getQueue().size() >= settings.getTriggerQueue()) {
            throw new RejectedExecutionException("the trigger check queue is full"); // NOI18N: reported as CheckSkipped
        }
        Future<?> running = checks.submit(check);
        watchdog.schedule(() -> {
            if (running.cancel(true)) {
                onTimeout.run();
            }
        }, settings.getTriggerTimeoutSeconds(), TimeUnit.SECONDS);
    }

    /** The time limit of one check, for messages. */
    static Duration timeout() {
        return Duration.ofSeconds(GitOpsGlobalSettings.get().getTriggerTimeoutSeconds());
    }

    /** The pool at {@code threads} threads; made anew after {@link #shutdown} (a Jenkins started again in this JVM). */
    private static synchronized ThreadPoolExecutor pool(int threads) {
        if (pool == null) {
            pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    new NamingThreadFactory(new DaemonThreadFactory(), "GitOps trigger check")); // NOI18N
            pool.allowCoreThreadTimeOut(true);
            watchdog = Executors.newSingleThreadScheduledExecutor(
                    new NamingThreadFactory(new DaemonThreadFactory(), "GitOps trigger watchdog")); // NOI18N
        } else if (threads > pool.getMaximumPoolSize()) {
            pool.setMaximumPoolSize(threads);
            pool.setCorePoolSize(threads);
        } else if (threads < pool.getMaximumPoolSize()) {
            pool.setCorePoolSize(threads);
            pool.setMaximumPoolSize(threads);
        }
        return pool;
    }

    /** Stops the checks when Jenkins stops: running ones are interrupted, queued ones dropped. */
    @Terminator
    public static synchronized void shutdown() {
        if (pool != null) {
            pool.shutdownNow();
            watchdog.shutdownNow();
            pool = null;
            watchdog = null;
        }
    }
}
