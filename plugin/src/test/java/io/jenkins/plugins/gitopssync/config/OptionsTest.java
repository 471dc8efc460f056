package io.jenkins.plugins.gitopssync.config;

import static io.jenkins.plugins.gitopssync.testing.SyncRecords.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.gitopssync.testing.Signing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The option rules: timeouts, ApplySet names, paths, connections, and every problem listed at once. */
class OptionsTest {

    private static SyncSpec.Builder spec() {
        return SyncSpec.builder("https://git.example.com/r.git");
    }

    /** The step's timeout and default ApplySet name follow the engine's rules (the CLI's too). */
    @Test
    void timeoutIsSecondsOrDuration() {
        assertEquals(Duration.ofMinutes(5), spec().build().timeoutDuration());
        assertEquals(Duration.ofMinutes(5), spec().timeout(" ").build().timeoutDuration());
        assertEquals(Duration.ofSeconds(300), spec().timeout("300").build().timeoutDuration());
        assertEquals(Duration.ofMinutes(90), spec().timeout("1h30m").build().timeoutDuration());
        assertEquals(Duration.ofMinutes(2), spec().timeout("2M").build().timeoutDuration());
        assertEquals(Duration.ofMinutes(5), spec().timeout("PT5M").build().timeoutDuration());
        assertTrue(OptionChecks.timeout("five minutes").contains("five minutes"), OptionChecks.timeout("five minutes"));
        assertTrue(OptionChecks.timeout("0") != null, "zero is no limit anyone means");
        assertNull(OptionChecks.timeout("10m"));
        assertTrue(OptionChecks.timeout("10 minutes") != null);
    }

    @Test
    void defaultApplySetNameIsAStableDnsLabel() {
        assertEquals("team-deploy", spec().build().applySetFor("team-deploy"));
        assertEquals("team-deploy", spec().path(".").build().applySetFor("team-deploy"));
        String folder = spec().path("clusters/prod").build().applySetFor("Team/Deploy Prod");
        assertNull(OptionChecks.applySet(folder), folder);
        assertTrue(folder.startsWith("team-deploy-prod-clusters-prod-"), folder);
        assertEquals(folder, spec().path("clusters/prod").build().applySetFor("Team/Deploy Prod"));
        assertNotEquals(folder, spec().path("clusters/stage").build().applySetFor("Team/Deploy Prod"));
        String longName = spec().path("b".repeat(100)).build().applySetFor("a".repeat(100));
        assertTrue(longName.length() <= 63 && OptionChecks.applySet(longName) == null, longName);
        assertNotEquals(longName, spec().path("c".repeat(100)).build().applySetFor("a".repeat(100)));
        assertEquals("shop", spec().applySet("shop").build().applySetFor("any-job"));
        assertTrue(OptionChecks.applySet("Not A Name") != null);
        assertTrue(OptionChecks.namespace("Bad_NS") != null);
        assertNull(OptionChecks.namespace("shop-prod"));
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

    @Test
    void substitutionFieldsAreCheckedLineByLine() {
        SyncSpec bad = SyncSpec.builder("https://git.example.com/r.git").substitute("cluster=prod\n1bad=x")
                .substituteCredentials("token").substituteFrom("deployment/web").build();
        List<String> problems = bad.problems();
        assertEquals(List.of("substitute: '1bad' is not a variable name (letters, digits and _, not starting with a digit)",
                "substituteCredentials: 'token' is not NAME=VALUE",
                "'deployment/web' is not configmap/NAME or secret/NAME (with ? when optional)"), problems);
        SyncSpec good = SyncSpec.builder("https://git.example.com/r.git").substitute("# comment\ncluster=prod\n\nregion=eu")
                .substituteCredentials("token=tok-id").substituteFrom("configmap/vars\nsecret/more?").build();
        assertEquals(List.of(), good.problems());
        assertEquals(java.util.Map.of("cluster", "prod", "region", "eu"), SubstitutionChecks.pairs(good.substitute(), "substitute"));
        assertEquals(List.of("a", "b", "c"), SubstitutionChecks.ids("a, b\nc"));
        assertTrue(good.strictSubstitution(), "strict by default");
    }

    @Test
    void signaturesNeedAKnownModeAndKeysThatParse(@TempDir Path tmp) throws Exception {
        String signer = Signing.sshKey(tmp, "alice@example.org").allowedSigners();
        assertNull(OptionChecks.signatures(null, null, null), "no verification, no keys: fine");
        assertNull(OptionChecks.signatures("commit", "keys-credential", null));
        assertNull(OptionChecks.signatures("both", null, signer));
        assertTrue(OptionChecks.signatures("sometimes", "keys", null).contains("commit, tag or both"));
        assertTrue(OptionChecks.signatures("tag", null, null).contains("needs trusted keys"));
        assertTrue(OptionChecks.signatures(null, "keys", null).contains("not verified"), "keys without a mode look verified");
        String privateKey = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----";
        String problem = OptionChecks.signatures("commit", null, privateKey);
        assertTrue(problem.contains("private key"), problem);
        assertFalse(problem.contains("b3BlbnNzaC1rZXktdjEAAAAA"), "the key is not echoed: " + problem);
        assertTrue(OptionChecks.signatures("commit", null, "not a key at all").contains("trusted keys"));
        SyncSpec spec = SyncSpec.builder("https://git.example.com/r.git").verifySignatures("sometimes").build();
        assertEquals(1, spec.problems().size(), spec.problems().toString());
    }
}
