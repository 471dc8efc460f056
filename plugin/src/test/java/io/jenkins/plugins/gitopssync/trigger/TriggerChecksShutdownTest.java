package io.jenkins.plugins.gitopssync.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.init.TerminatorFinder;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.reactor.Reactor;
import org.jvnet.hudson.reactor.Task;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Jenkins stops the trigger's checks when it stops: it finds the plugin's @Terminator in its index and calls it
 * reflectively, as it does at shutdown. (It failed with IllegalAccessError while the class was not public, so the
 * checks' threads outlived Jenkins.) A Jenkins started again in the same JVM gets a new pool.
 */
@WithJenkins
class TriggerChecksShutdownTest {

    @Test
    void theTerminatorStopsRunningChecksAndANewJenkinsCanCheckAgain(JenkinsRule j) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        TriggerChecks.submit(() -> {
            started.countDown();
            try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(5));
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        }, () -> { });
        assertThat(started.await(30, TimeUnit.SECONDS)).as("the check started").isTrue();

        List<Task> ours = new TerminatorFinder(j.jenkins.getPluginManager().uberClassLoader)
                .discoverTasks(new Reactor()).stream()
                .filter(t -> t.getDisplayName().startsWith(TriggerChecks.class.getSimpleName() + "."))
                .toList();
        assertThat(ours).as("Jenkins finds the terminator in its index: " + ours).hasSize(1);
        ours.get(0).run(null);

        assertThat(interrupted.await(30, TimeUnit.SECONDS)).as("the running check was interrupted at shutdown").isTrue();
        CountDownLatch again = new CountDownLatch(1);
        TriggerChecks.submit(again::countDown, () -> { });
        assertThat(again.await(30, TimeUnit.SECONDS)).as("a check submitted afterwards runs on a new pool").isTrue();
    }
}
