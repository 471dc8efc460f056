package io.jenkins.plugins.gitopssync.config;

import static io.jenkins.plugins.gitopssync.testing.SyncRecords.*;
import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(spec().build().timeoutDuration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(spec().timeout(" ").build().timeoutDuration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(spec().timeout("300").build().timeoutDuration()).isEqualTo(Duration.ofSeconds(300));
        assertThat(spec().timeout("1h30m").build().timeoutDuration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(spec().timeout("2M").build().timeoutDuration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(spec().timeout("PT5M").build().timeoutDuration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(OptionChecks.timeout("five minutes")).as(OptionChecks.timeout("five minutes")).contains("five minutes");
        assertThat(OptionChecks.timeout("0")).as("zero is no limit anyone means").isNotNull();
        assertThat(OptionChecks.timeout("10m")).isNull();
        assertThat(OptionChecks.timeout("10 minutes")).isNotNull();
    }

    @Test
    void defaultApplySetNameIsAStableDnsLabel() {
        assertThat(spec().build().applySetFor("team-deploy")).isEqualTo("team-deploy");
        assertThat(spec().path(".").build().applySetFor("team-deploy")).isEqualTo("team-deploy");
        String folder = spec().path("clusters/prod").build().applySetFor("Team/Deploy Prod");
        assertThat(OptionChecks.applySet(folder)).as(folder).isNull();
        assertThat(folder).as(folder).startsWith("team-deploy-prod-clusters-prod-");
        assertThat(spec().path("clusters/prod").build().applySetFor("Team/Deploy Prod")).isEqualTo(folder);
        assertThat(spec().path("clusters/stage").build().applySetFor("Team/Deploy Prod")).isNotEqualTo(folder);
        String longName = spec().path("b".repeat(100)).build().applySetFor("a".repeat(100));
        assertThat(longName).as(longName).hasSizeLessThanOrEqualTo(63);
        assertThat(OptionChecks.applySet(longName)).as(longName).isNull();
        assertThat(spec().path("c".repeat(100)).build().applySetFor("a".repeat(100))).isNotEqualTo(longName);
        assertThat(spec().applySet("shop").build().applySetFor("any-job")).isEqualTo("shop");
        assertThat(OptionChecks.applySet("Not A Name")).isNotNull();
        assertThat(OptionChecks.namespace("Bad_NS")).isNotNull();
        assertThat(OptionChecks.namespace("shop-prod")).isNull();
    }

    @Test
    void pathMustStayInsideTheRepository() {
        assertThat(OptionChecks.path(null)).isNull();
        assertThat(OptionChecks.path("clusters/prod")).isNull();
        assertThat(OptionChecks.path("./apps")).isNull();
        assertThat(OptionChecks.path("apps..old")).isNull();
        assertThat(OptionChecks.path("../other")).contains("inside the repository");
        assertThat(OptionChecks.path("apps/../../x")).contains("inside the repository");
        assertThat(OptionChecks.path("/etc")).contains("absolute");
        assertThat(OptionChecks.path("C:\\x")).contains("absolute");
    }

    @Test
    void connectionIsKubeconfigOrServerWithTokenOrNeither() {
        assertThat(OptionChecks.connection(null, null, null)).isNull();
        assertThat(OptionChecks.connection("kc", null, null)).isNull();
        assertThat(OptionChecks.connection(null, "https://k8s:6443", "tok")).isNull();
        assertThat(OptionChecks.connection("kc", "https://k8s:6443", "tok")).contains("not both");
        assertThat(OptionChecks.connection(null, "https://k8s:6443", null)).contains("token");
        assertThat(OptionChecks.connection(null, null, "tok")).contains("server URL");
        assertThat(OptionChecks.serverUrl("k8s:6443")).contains("https://");
    }

    @Test
    void optionsListEveryProblem() {
        SyncSpec bad = SyncSpec.builder(" ").path("../x").kubeconfigCredentialsId("kc").serverUrl("https://k8s")
                .tokenCredentialsId("tok").namespace("Bad_NS").timeout("soon").applySet("Not A Name").concurrency(100).build();
        List<String> problems = bad.problems();
        assertThat(problems).as(problems.toString()).hasSize(7);
        SyncSpec good = SyncSpec.builder("https://git.example.com/r.git").ref("main").path("deploy")
                .kubeconfigCredentialsId("kc").namespace("apps").prune(true).timeout("2m").build();
        assertThat(good.problems()).isEqualTo(List.of());
        assertThat(good.applySetFor("apps-job")).isEqualTo("apps-job-deploy");
        assertThat(good.timeoutDuration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(good.toString()).doesNotContain("BEGIN CERTIFICATE");
    }

    @Test
    void substitutionFieldsAreCheckedLineByLine() {
        SyncSpec bad = SyncSpec.builder("https://git.example.com/r.git").substitute("cluster=prod\n1bad=x")
                .substituteCredentials("token").substituteFrom("deployment/web").build();
        List<String> problems = bad.problems();
        assertThat(problems).isEqualTo(List.of("substitute: '1bad' is not a variable name (letters, digits and _, not starting with a digit)",
                "substituteCredentials: 'token' is not NAME=VALUE",
                "'deployment/web' is not configmap/NAME or secret/NAME (with ? when optional)"));
        SyncSpec good = SyncSpec.builder("https://git.example.com/r.git").substitute("# comment\ncluster=prod\n\nregion=eu")
                .substituteCredentials("token=tok-id").substituteFrom("configmap/vars\nsecret/more?").build();
        assertThat(good.problems()).isEqualTo(List.of());
        assertThat(SubstitutionChecks.pairs(good.substitute(), "substitute")).isEqualTo(java.util.Map.of("cluster", "prod", "region", "eu"));
        assertThat(SubstitutionChecks.ids("a, b\nc")).isEqualTo(List.of("a", "b", "c"));
        assertThat(good.strictSubstitution()).as("strict by default").isTrue();
    }

    @Test
    void signaturesNeedAKnownModeAndKeysThatParse(@TempDir Path tmp) throws Exception {
        String signer = Signing.sshKey(tmp, "alice@example.org").allowedSigners();
        assertThat(OptionChecks.signatures(null, null, null)).as("no verification, no keys: fine").isNull();
        assertThat(OptionChecks.signatures("commit", "keys-credential", null)).isNull();
        assertThat(OptionChecks.signatures("both", null, signer)).isNull();
        assertThat(OptionChecks.signatures("sometimes", "keys", null)).contains("commit, tag or both");
        assertThat(OptionChecks.signatures("tag", null, null)).contains("needs trusted keys");
        assertThat(OptionChecks.signatures(null, "keys", null)).as("keys without a mode look verified").contains("not verified");
        String privateKey = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----";
        String problem = OptionChecks.signatures("commit", null, privateKey);
        assertThat(problem).as(problem).contains("private key");
        assertThat(problem).as("the key is not echoed: " + problem).doesNotContain("b3BlbnNzaC1rZXktdjEAAAAA");
        assertThat(OptionChecks.signatures("commit", null, "not a key at all")).contains("trusted keys");
        SyncSpec spec = SyncSpec.builder("https://git.example.com/r.git").verifySignatures("sometimes").build();
        assertThat(spec.problems()).as(spec.problems().toString()).hasSize(1);
    }
}
