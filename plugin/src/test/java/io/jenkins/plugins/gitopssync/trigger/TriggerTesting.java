package io.jenkins.plugins.gitopssync.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.testsupport.Eventually;
import java.time.Duration;

/** What the trigger's tests do with a trigger: run one check as cron would and wait for what it reports. */
final class TriggerTesting {

    private TriggerTesting() {
    }

    /** Runs one check (on the trigger's pool, as cron would) and waits until it has reported; returns the job page's line. */
    static String checkNow(GitOpsTrigger t) throws InterruptedException {
        t.run();
        Eventually.until("the trigger's check to report", Duration.ofMinutes(1), () -> !t.isChecking());
        assertThat(t.getLastCheck()).as("the check reported").isNotNull();
        return t.getLastCheck();
    }
}
