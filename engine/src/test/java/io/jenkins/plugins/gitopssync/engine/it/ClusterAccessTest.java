package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.jenkins.plugins.gitopssync.engine.GitOpsSync;
import io.jenkins.plugins.gitopssync.engine.RecordingLog;
import io.jenkins.plugins.gitopssync.engine.cluster.ClusterAccess;
import io.jenkins.plugins.gitopssync.engine.cluster.Discovery;
import io.jenkins.plugins.gitopssync.engine.report.InventoryStatus;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The ways to connect, and the request counter every sync reports. */
class ClusterAccessTest {

    @Test
    void tokenWithCaCertificateAndKubeconfigContentWithContextReachTheCluster() throws Exception {
        Path kubeconfig = TestCluster.kubeconfig();
        String content = Files.readString(kubeconfig);
        Config parsed = Config.fromKubeconfig(null, content, kubeconfig.toString());
        String caPem = Files.readString(Path.of(parsed.getCaCertFile()));

        try (ClusterAccess byToken = ClusterAccess.fromToken(parsed.getMasterUrl(), token(parsed), caPem)) {
            assertStatusWorks(byToken);
        }
        String context = parsed.getCurrentContext().getName();
        try (ClusterAccess byContent = ClusterAccess.fromKubeconfigContent(content, context)) {
            assertStatusWorks(byContent);
        }
    }

    @Test
    void unknownContextIsAnErrorNotTheCurrentContext() throws Exception {
        String content = Files.readString(TestCluster.kubeconfig());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClusterAccess.fromKubeconfigContent(content, "prod"))
                .hasMessageStartingWith("context 'prod' not found in the kubeconfig (contexts: ");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClusterAccess.fromKubeconfigFile(TestCluster.kubeconfig(),
                "prod")).hasMessageContaining("context 'prod' not found in kubeconfig " + TestCluster.kubeconfig());
    }

    @Test
    void everyRequestIsCountedAndDiscoveryTakesTwo() {
        try (ClusterAccess access = ClusterTestBase.admin()) {
            long before = access.requestCount();
            Discovery d = Discovery.load(access);
            assertThat(access.requestCount() - before).isEqualTo(2);
            assertThat(d.find("apps", "v1", "Deployment")).hasValueSatisfying(r -> {
                assertThat(r.plural()).isEqualTo("deployments");
                assertThat(r.namespaced()).isTrue();
            });
            assertThat(d.find("", "v1", "Namespace")).hasValueSatisfying(r -> assertThat(r.namespaced()).isFalse());
            assertThat(d.findGroupKind("CustomResourceDefinition.apiextensions.k8s.io")).isPresent();
        }
    }

    @Test
    void wrongTokenIsAClearError() throws Exception {
        Config parsed = Config.fromKubeconfig(null, Files.readString(TestCluster.kubeconfig()),
                TestCluster.kubeconfig().toString());
        String caPem = Files.readString(Path.of(parsed.getCaCertFile()));
        try (ClusterAccess wrong = ClusterAccess.fromToken(parsed.getMasterUrl(), "not-a-valid-token", caPem)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Discovery.load(wrong))
                    .hasMessage("the cluster at " + parsed.getMasterUrl().replaceAll("/+$", "")
                            + " rejected the credentials (401 Unauthorized)");
        }
    }

    /** fabric8 keeps a kubeconfig's token as the "auto" token. */
    private static String token(Config parsed) {
        return parsed.getOauthToken() != null ? parsed.getOauthToken() : parsed.getAutoOAuthToken();
    }

    private static void assertStatusWorks(ClusterAccess access) {
        long before = access.requestCount();
        InventoryStatus status = new GitOpsSync(access, new RecordingLog()).status(TestCluster.unique("absent"), "default");
        assertThat(status.exists()).isFalse();
        // discovery (2) + parent GET (1)
        assertThat(status.apiRequests()).isEqualTo(3);
        assertThat(access.requestCount() - before).isEqualTo(3);
    }
}
