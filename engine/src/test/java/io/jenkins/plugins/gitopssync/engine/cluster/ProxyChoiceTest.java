package io.jenkins.plugins.gitopssync.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** kubectl's (Go net/http's) choice of proxy for the one API server a sync talks to. */
class ProxyChoiceTest {

    private static final Map<String, String> PROXY = Map.of("HTTPS_PROXY", "http://proxy.corp:3128");

    @Test
    void httpsProxyForAnHttpsServer() {
        assertThat(ProxyChoice.forServer("https://k8s.example.com:6443", null, PROXY)).isEqualTo("http://proxy.corp:3128");
        assertThat(ProxyChoice.forServer("https://k8s.example.com", null, Map.of("https_proxy", "proxy.corp:3128")))
                .isEqualTo("http://proxy.corp:3128");
        assertThat(ProxyChoice.forServer("https://k8s.example.com", null, Map.of("HTTP_PROXY", "http://p:1"))).isNull();
        assertThat(ProxyChoice.forServer("http://k8s.example.com", null, Map.of("HTTP_PROXY", "http://p:1"))).isEqualTo("http://p:1");
    }

    @Test
    void noProxyEntriesAsGoReadsThem() {
        String server = "https://api.k8s.example.com:6443";
        assertThat(ProxyChoice.forServer(server, null, with("NO_PROXY", "example.com"))).isNull();
        assertThat(ProxyChoice.forServer(server, null, with("NO_PROXY", ".example.com"))).isNull();
        assertThat(ProxyChoice.forServer(server, null, with("no_proxy", "other.org, *.example.com"))).isNull();
        assertThat(ProxyChoice.forServer(server, null, with("NO_PROXY", "api.k8s.example.com:6443"))).isNull();
        assertThat(ProxyChoice.forServer(server, null, with("NO_PROXY", "api.k8s.example.com:443"))).isNotNull();
        assertThat(ProxyChoice.forServer(server, null, with("NO_PROXY", "xample.com"))).isNotNull();
        assertThat(ProxyChoice.forServer(server, null, with("NO_PROXY", "*"))).isNull();
        assertThat(ProxyChoice.forServer("https://10.1.2.3:6443", null, with("NO_PROXY", "10.0.0.0/8"))).isNull();
        assertThat(ProxyChoice.forServer("https://11.1.2.3:6443", null, with("NO_PROXY", "10.0.0.0/8"))).isNotNull();
        assertThat(ProxyChoice.forServer("https://10.1.2.3:6443", null, with("NO_PROXY", "10.1.2.3"))).isNull();
    }

    @Test
    void loopbackIsNeverProxiedByTheEnvironment() {
        assertThat(ProxyChoice.forServer("https://127.0.0.1:6443", null, PROXY)).isNull();
        assertThat(ProxyChoice.forServer("https://localhost:6443", null, PROXY)).isNull();
        assertThat(ProxyChoice.forServer("https://[::1]:6443", null, PROXY)).isNull();
    }

    @Test
    void theKubeconfigsProxyUrlWinsEvenForLoopback() {
        assertThat(ProxyChoice.forServer("https://127.0.0.1:6443", "http://127.0.0.1:9999", Map.of()))
                .isEqualTo("http://127.0.0.1:9999");
        assertThat(ProxyChoice.forServer("https://k8s.example.com", "socks5://s:1080", with("NO_PROXY", "*")))
                .isEqualTo("socks5://s:1080");
    }

    @Test
    void theProxyReachesTheClientsConfigurationWithItsUserInfoApart() {
        AccessOptions options = new AccessOptions(io.jenkins.plugins.gitopssync.engine.kubeconfig.KubeconfigPolicy.TRUSTED,
                new io.jenkins.plugins.gitopssync.engine.process.LocalProcessRunner(
                        Map.of("HTTPS_PROXY", "http://user:pw@proxy.corp:3128")), "here");

        io.fabric8.kubernetes.client.Config c = ClientConfigs.fromToken("https://k8s.example.com", "t", null, options);

        assertThat(c.getHttpsProxy()).isEqualTo("http://proxy.corp:3128");
        assertThat(c.getProxyUsername()).isEqualTo("user");
        assertThat(c.getProxyPassword()).isEqualTo("pw");
        io.fabric8.kubernetes.client.Config direct = ClientConfigs.fromToken("https://127.0.0.1:6443", "t", null, options);
        assertThat(direct.getHttpsProxy()).isNull();
    }

    private static Map<String, String> with(String k, String v) {
        return Map.of("HTTPS_PROXY", "http://proxy:3128", k, v);
    }
}
