package io.jenkins.plugins.gitopssync.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import io.jenkins.plugins.gitopssync.config.GitOpsGlobalSettings;
import io.jenkins.plugins.gitopssync.testsupport.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Every job's trigger with the same cron spec polls in the same second, so a controller with more triggered jobs
 * than check threads plus queue places used to skip the rest at every poll ("check skipped"), with the default
 * settings from 105 jobs on. Each trigger has at most one check waiting or running, so the queue never holds more
 * than one check per job: its default now leaves room for any number of jobs a controller has.
 */
@WithJenkins
class TriggerChecksAtScaleTest {

    private static final int JOBS = 150;

    @Test
    void aHundredAndFiftyJobsPollingInTheSameSecondAreAllCheckedWithTheDefaultSettings(JenkinsRule j) throws Exception {
        // the check threads are busy when the polls come (as when some remotes are slow), so the checks must queue
        CountDownLatch release = new CountDownLatch(1);
        int threads = GitOpsGlobalSettings.get().getTriggerThreads();
        CountDownLatch busy = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            TriggerChecks.submit(() -> {
                busy.countDown();
                awaitQuietly(release);
            }, () -> { });
        }
        assertThat(busy.await(30, TimeUnit.SECONDS)).as("every check thread is busy").isTrue();

        List<GitOpsTrigger> triggers = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            FreeStyleProject p = j.createFreeStyleProject("polled-" + i);
            GitOpsTrigger t = new GitOpsTrigger("* * * * *");
            t.setUrl("https://127.0.0.1:1/nothing-listens-here.git"); // the check fails at once: it still counts as checked
            t.start(p, true);
            triggers.add(t);
        }
        triggers.forEach(GitOpsTrigger::run);
        release.countDown();
        Eventually.until("every check to end", Duration.ofMinutes(2), () -> triggers.stream().noneMatch(GitOpsTrigger::isChecking));

        for (GitOpsTrigger t : triggers) {
            CheckCounts.Snapshot c = t.counts().snapshot();
            assertThat(c.skippedQueueFull()).as("polls skipped for a full queue: " + c + ", " + t.getLastCheck()).isZero();
            assertThat(c.finished()).as("checks that ran: " + c).isEqualTo(1);
            assertThat(c.polls()).isEqualTo(1);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
