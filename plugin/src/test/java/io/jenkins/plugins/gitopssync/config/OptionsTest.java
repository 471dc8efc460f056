package io.jenkins.plugins.gitopssync.config;

import static io.jenkins.plugins.gitopssync.testing.SyncRecords.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The option rules: timeouts, ApplySet names, paths, connections, and every problem listed at once. */
class OptionsTest {

    @Test
    void timeoutIsSecondsOrDuration() {
        assertEquals(Duration.ofMinutes(5), Durations.parse(null));
        assertEquals(Duration.ofMinutes(5), Durations.parse(" "));
        assertEquals(Duration.ofSeconds(300), Durations.parse("300"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("90s"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("2M"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("five minutes"));
        assertTrue(e.getMessage().contains("five minutes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("0"));
        assertNull(OptionChecks.timeout("10m"));
        assertTrue(OptionChecks.timeout("10 minutes") != null);
    }

    @Test
    void defaultApplySetNameIsAStableDnsLabel() {
        assertEquals("team-deploy", ApplySetNames.defaultFor("team-deploy", null));
        assertEquals("team-deploy", ApplySetNames.defaultFor("team-deploy", "."));
        String folder = ApplySetNames.defaultFor("Team/Deploy Prod", "clusters/prod");
        assertTrue(ApplySetNames.isValid(folder), folder);
        assertTrue(folder.startsWith("team-deploy-prod-clusters-prod-"), folder);
        assertEquals(folder, ApplySetNames.defaultFor("Team/Deploy Prod", "clusters/prod"));
        assertNotEquals(folder, ApplySetNames.defaultFor("Team/Deploy Prod", "clusters/stage"));
        String longName = ApplySetNames.defaultFor("a".repeat(100), "b".repeat(100));
        assertTrue(longName.length() <= 63 && ApplySetNames.isValid(longName), longName);
        assertNotEquals(longName, ApplySetNames.defaultFor("a".repeat(100), "c".repeat(100)));
    }

    @Test
    void pathMustStayInsideTheRepository() {
        assertNull(OptionChecks.path(null));
        assertNull(OptionChecks.path("clusters/prod"));
        assertNull(OptionChecks.path("./apps"));
        assertNull(OptionChecks.path("apps..old"));
        assertTrue(OptionChecks.path("../other").contains("inside the repository"));
        assertTrue(OptionChecks.path("apps/../../x").contains("inside the repository"));
        assertTrue(OptionChecks.path("/etc").contains("absolute"));
        assertTrue(OptionChecks.path("C:\\x").contains("absolute"));
    }

    @Test
    void connectionIsKubeconfigOrServerWithTokenOrNeither() {
        assertNull(OptionChecks.connection(null, null, null));
        assertNull(OptionChecks.connection("kc", null, null));
        assertNull(OptionChecks.connection(null, "https://k8s:6443", "tok"));
        assertTrue(OptionChecks.connection("kc", "https://k8s:6443", "tok").contains("not both"));
        assertTrue(OptionChecks.connection(null, "https://k8s:6443", null).contains("token"));
        assertTrue(OptionChecks.connection(null, null, "tok").contains("server URL"));
        assertTrue(OptionChecks.serverUrl("k8s:6443").contains("https://"));
    }

    @Test
    void optionsListEveryProblem() {
        SyncSpec bad = SyncSpec.builder(" ").path("../x").kubeconfigCredentialsId("kc").serverUrl("https://k8s")
                .tokenCredentialsId("tok").namespace("Bad_NS").timeout("soon").applySet("Not A Name").concurrency(100).build();
        List<String> problems = bad.problems();
        assertEquals(7, problems.size(), problems.toString());
        SyncSpec good = SyncSpec.builder("https://git.example.com/r.git").ref("main").path("deploy")
                .kubeconfigCredentialsId("kc").namespace("apps").prune(true).timeout("2m").build();
        assertEquals(List.of(), good.problems());
        assertEquals("apps-job-deploy", good.applySetFor("apps-job"));
        assertEquals(Duration.ofMinutes(2), good.timeoutDuration());
        assertFalse(good.toString().contains("BEGIN CERTIFICATE"));
    }
}
