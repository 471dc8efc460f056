package io.jenkins.plugins.gitopssync.trigger;

import hudson.init.Terminator;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import jenkins.util.SystemProperties;

/**
 * Where the GitOps triggers' checks run: a small pool of this plugin's own, never Jenkins' shared
 * timer (whose threads run every periodic task of the controller, so a slow remote or cluster would
 * stall them all). Each check gets a time limit; a check past it is interrupted and reported, and the
 * pool's size and queue bound what hung remotes can hold.
 */
final class TriggerChecks {

    /** Threads that run checks at once; more checks wait in a bounded queue. */
    static final int THREADS = SystemProperties.getInteger(TriggerChecks.class.getName() + ".threads", 4);
    static final int QUEUE = SystemProperties.getInteger(TriggerChecks.class.getName() + ".queue", 100);

    /** Time limit of one check (ls-remote and cluster status together); tests shorten it. */
    static volatile Duration timeout = Duration.ofSeconds(
            SystemProperties.getLong(TriggerChecks.class.getName() + ".timeoutSeconds", 120L));

    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), new NamingThreadFactory(new DaemonThreadFactory(), "GitOps trigger check"));
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(
            new NamingThreadFactory(new DaemonThreadFactory(), "GitOps trigger watchdog"));

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
        Future<?> running = POOL.submit(check);
        Duration limit = timeout;
        WATCHDOG.schedule(() -> {
            if (running.cancel(true)) {
                onTimeout.run();
            }
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    static Duration timeout() {
        return timeout;
    }

    @Terminator
    public static void shutdown() {
        POOL.shutdownNow();
        WATCHDOG.shutdownNow();
    }
}
