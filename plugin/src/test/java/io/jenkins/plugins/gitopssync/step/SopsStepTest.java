package io.jenkins.plugins.gitopssync.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import hudson.FilePath;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.gitopssync.pages.GitOpsSyncAction;
import io.jenkins.plugins.gitopssync.testing.SyncReports;
import io.jenkins.plugins.gitopssync.testing.LocalRepositories;
import io.jenkins.plugins.gitopssync.testing.TestCredentials;
import io.jenkins.plugins.gitopssync.testsupport.Sops;
import io.jenkins.plugins.gitopssync.testsupport.SopsRepoFiles;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The Pipeline step on an agent with a sops-encrypted Kustomization (an encrypted Secret, a ConfigMap with an
 * encrypted value and a secretGenerator reading an encrypted env file, made by the real sops), the age key
 * in a Jenkins secret file credential and a substitution value in a secret text credential: the cluster gets
 * the plain values; the build log, the build's files (build.xml, the JSON report), the job's files, the pages
 * and the agent's workspace get none of them, also after a dry run that shows drift.
 */
@WithJenkins
@ExtendWith(LocalRepositories.class)
class SopsStepTest {

    private static final String DATABASE = "sops-db-name-8d2a";

    private JenkinsRule j;

    @TempDir
    Path tmp;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        j = rule;
    }

    @Test
    void encryptedKustomizationSyncsOnAnAgentAndNoPlaintextIsKeptAnywhere() throws Exception {
        String ns = TestCluster.unique("gitops-sops");
        var agent = j.createOnlineSlave();
        TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("kc", TestCluster.kubeconfigContent()));
        Sops.AgeKey key = Sops.ageKey(tmp, "jenkins");
        TestCredentials.add(j.jenkins, new FileCredentialsImpl(CredentialsScope.GLOBAL, "sops-age", "age key", "keys.txt",
                SecretBytes.fromRawBytes(key.identityFile().getBytes(StandardCharsets.UTF_8))));
        TestCredentials.add(j.jenkins, TestCredentials.secretText("db-name", DATABASE));
        try (TestCluster cluster = TestCluster.connect(); TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            cluster.createNamespace(ns);
            SopsRepoFiles.kustomization(tmp, repo.dir().resolve("app"), key, ns);
            repo.commit("encrypted");
            WorkflowJob p = j.createProject(WorkflowJob.class, "sops");
            p.setDefinition(new CpsFlowDefinition(pipeline(repo.url(), ns, false), true));

            WorkflowRun run = j.buildAndAssertSuccess(p);

            try (KubernetesClient c = TestCluster.client()) {
                assertEquals(SopsRepoFiles.DB_PASSWORD, decode(c.secrets().inNamespace(ns).withName("db").get().getData().get("password")));
                assertEquals(SopsRepoFiles.API_TOKEN, decode(c.secrets().inNamespace(ns).withName("app-env").get().getData().get("API_TOKEN")));
                var settings = c.configMaps().inNamespace(ns).withName("settings").get().getData();
                assertEquals("prod", settings.get("mode"));
                assertEquals(DATABASE, settings.get("database"));
                assertEquals(SopsRepoFiles.CONFIG_SECRET, settings.get("secretish"));
                c.configMaps().inNamespace(ns).withName("settings").edit(cm -> new ConfigMapBuilder(cm)
                        .addToData("database", "edited").addToData("secretish", "edited-too").build());
            }
            p.setDefinition(new CpsFlowDefinition(pipeline(repo.url(), ns, true), true));
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
            assertTrue(settings.drift(), "the edited ConfigMap drifted");
            assertTrue(diff.contains("edited-too") && diff.contains("***"), "the drift is shown, the desired values masked: " + diff);
            for (String plain : List.of(SopsRepoFiles.DB_PASSWORD, SopsRepoFiles.API_TOKEN, SopsRepoFiles.CONFIG_SECRET, DATABASE)) {
                for (String out : outputs) {
                    assertFalse(out.contains(plain), plain + " found in:\n" + out);
                }
            }
        }
    }

    private static String pipeline(String url, String ns, boolean dryRun) {
        return "node('!built-in') {\n"
                + "  gitopsSync(url: '" + url + "', path: 'app', namespace: '" + ns + "', applySet: '" + ns + "',"
                + " kubeconfigCredentialsId: 'kc', wait: false, dryRun: " + dryRun + ", decryptionCredentialsId: 'sops-age',"
                + " substitute: 'cluster_env=prod', substituteCredentials: 'database=db-name')\n"
                + "}";
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
