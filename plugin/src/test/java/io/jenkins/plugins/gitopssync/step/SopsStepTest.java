package io.jenkins.plugins.gitopssync.step;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import hudson.FilePath;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.gitopssync.pages.GitOpsSyncAction;
import io.jenkins.plugins.gitopssync.testing.SyncReports;
import io.jenkins.plugins.gitopssync.testing.JenkinsTestBase;
import io.jenkins.plugins.gitopssync.testing.LocalRepositories;
import io.jenkins.plugins.gitopssync.testing.TestCredentials;
import io.jenkins.plugins.gitopssync.testsupport.ClusterSandbox;
import io.jenkins.plugins.gitopssync.testsupport.Sops;
import io.jenkins.plugins.gitopssync.testsupport.SopsRepoFiles;
import io.jenkins.plugins.gitopssync.testsupport.TestRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The Pipeline step on an agent with a sops-encrypted Kustomization (an encrypted Secret, a ConfigMap with an
 * encrypted value and a secretGenerator reading an encrypted env file, made by the real sops), the age key
 * in a Jenkins secret file credential and a substitution value in a secret text credential: the cluster gets
 * the plain values; the build log, the build's files (build.xml, the JSON report), the job's files, the pages
 * and the agent's workspace get none of them, also after a dry run that shows drift.
 */
@ExtendWith(LocalRepositories.class)
class SopsStepTest extends JenkinsTestBase {

    private static final String DATABASE = "sops-db-name-8d2a";

    @RegisterExtension
    final ClusterSandbox sandbox = new ClusterSandbox("gitops-sops");

    @Test
    void encryptedKustomizationSyncsOnAnAgentAndNoPlaintextIsKeptAnywhere() throws Exception {
        String ns = sandbox.namespace();
        var agent = j.createOnlineSlave();
        kubeconfigCredential();
        Sops.AgeKey key = Sops.ageKey(tmp, "jenkins");
        TestCredentials.add(j.jenkins, new FileCredentialsImpl(CredentialsScope.GLOBAL, "sops-age", "age key", "keys.txt",
                SecretBytes.fromRawBytes(key.identityFile().getBytes(StandardCharsets.UTF_8))));
        TestCredentials.add(j.jenkins, TestCredentials.secretText("db-name", DATABASE));
        TestRepo repo = sandbox.repo();
        SopsRepoFiles.kustomization(tmp, repo.dir().resolve("app"), key, ns);
        repo.commit("encrypted");
        WorkflowJob p = onAgent("sops", sync(repo.url(), ns, false));

        WorkflowRun run = j.buildAndAssertSuccess(p);

        KubernetesClient c = sandbox.kube();
        assertThat(decode(c.secrets().inNamespace(ns).withName("db").get().getData().get("password"))).isEqualTo(SopsRepoFiles.DB_PASSWORD);
        assertThat(decode(c.secrets().inNamespace(ns).withName("app-env").get().getData().get("API_TOKEN"))).isEqualTo(SopsRepoFiles.API_TOKEN);
        var applied = c.configMaps().inNamespace(ns).withName("settings").get().getData();
        assertThat(applied.get("mode")).isEqualTo("prod");
        assertThat(applied.get("database")).isEqualTo(DATABASE);
        assertThat(applied.get("secretish")).isEqualTo(SopsRepoFiles.CONFIG_SECRET);
        c.configMaps().inNamespace(ns).withName("settings").edit(cm -> new ConfigMapBuilder(cm)
                .addToData("database", "edited").addToData("secretish", "edited-too").build());
        p.setDefinition(new CpsFlowDefinition("node('!built-in') {\n" + sync(repo.url(), ns, true) + "\n}", true));
        WorkflowRun dry = j.buildAndAssertStatus(hudson.model.Result.UNSTABLE, p);
        var settings = SyncReports.objects(dry.getAction(GitOpsSyncAction.class)).stream()
                .filter(o -> o.name().equals("settings")).findFirst().orElseThrow();
        String diff = settings.diff();

        List<String> outputs = new ArrayList<>();
        for (WorkflowRun r : List.of(run, dry)) {
            outputs.add(JenkinsRule.getLog(r));
            outputs.addAll(files(r.getRootDir().toPath()));
            outputs.add(j.createWebClient().getPage(r).getWebResponse().getContentAsString());
            GitOpsSyncAction action = r.getAction(GitOpsSyncAction.class);
            String detail = r.getUrl() + action.getUrlName() + "/";
            outputs.add(j.createWebClient().goTo(detail).getWebResponse().getContentAsString());
            outputs.add(j.createWebClient().goTo(detail + "json", "application/json").getWebResponse().getContentAsString());
        }
        outputs.addAll(files(p.getRootDir().toPath()));
        FilePath workspace = agent.getWorkspaceFor(p);
        outputs.addAll(files(Path.of(workspace.getRemote())));
        assertThat(settings.drift()).as("the edited ConfigMap drifted").isTrue();
        // a value the repository encrypts is masked on both sides: the live side holds what was decrypted too
        assertThat(diff)
                .as("the drifted line is shown, both of its values masked: " + diff)
                .contains("-  secretish: ***", "+  secretish: ***").doesNotContain("edited-too");
        for (String plain : List.of(SopsRepoFiles.DB_PASSWORD, SopsRepoFiles.API_TOKEN, SopsRepoFiles.CONFIG_SECRET, DATABASE)) {
            for (String out : outputs) {
                assertThat(out).as(plain + " found in:\n" + out).doesNotContain(plain);
            }
        }
    }

    /** The step's call: the encrypted Kustomization, its age key and the substitution from a secret text credential. */
    private static String sync(String url, String ns, boolean dryRun) {
        return "  gitopsSync(url: '" + url + "', path: 'app', namespace: '" + ns + "', applySet: '" + ns + "',"
                + " kubeconfigCredentialsId: 'kc', wait: false, dryRun: " + dryRun + ", decryptionCredentialsId: 'sops-age',"
                + " substitute: 'cluster_env=prod', substituteCredentials: 'database=db-name')";
    }

    /** The text of every file below {@code dir} (logs, build.xml, the JSON report, program.dat...). */
    private static List<String> files(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                out.add(f + ":\n" + new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
