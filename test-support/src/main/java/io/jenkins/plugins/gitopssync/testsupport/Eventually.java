package io.jenkins.plugins.gitopssync.testsupport;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;

/**
 * Waiting in a test for what happens on its own time (a controller of the test cluster, another thread, a trigger
 * check), by asking again every 100 ms instead of sleeping a fixed while: it returns as soon as the answer is there,
 * and fails naming what it waited for when it is not.
 */
public final class Eventually {

    /** A question a test asks again: about the cluster, a file, another thread. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private static final long POLL_MILLIS = 100;

    private Eventually() {
    }

    /** Returns once {@code condition} holds; fails when it still does not after {@code timeout}. */
    public static void until(String what, Duration timeout, Condition condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check(what, condition)) {
            if (System.nanoTime() > deadline) {
                fail("waited " + timeout.toSeconds() + " s for " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * Asserts that {@code condition} holds all through {@code period}: what a test expects not to happen (yet) is
     * asked for again and again, and the test fails the moment it happens.
     */
    public static void holdsFor(String what, Duration period, Condition condition) throws InterruptedException {
        long end = System.nanoTime() + period.toNanos();
        do {
            if (!check(what, condition)) {
                fail("no longer true within " + period.toSeconds() + " s: " + what);
            }
            Thread.sleep(POLL_MILLIS);
        } while (System.nanoTime() < end);
    }

    private static boolean check(String what, Condition condition) throws InterruptedException {
        try {
            return condition.holds();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("could not check " + what + ": " + e, e);
        }
    }
}
