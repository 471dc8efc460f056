package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopssync.engine.GitOpsSync;
import io.jenkins.plugins.gitopssync.engine.RecordingLog;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.cluster.AccessOptions;
import io.jenkins.plugins.gitopssync.engine.cluster.ClusterAccess;
import io.jenkins.plugins.gitopssync.engine.kubeconfig.KubeconfigPolicy;
import io.jenkins.plugins.gitopssync.engine.process.LocalProcessRunner;
import io.jenkins.plugins.gitopssync.testsupport.Kubeconfigs;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a kubeconfig may do, against the real API server: a non-current context chosen by name, an exec
 * plugin run with the caller's environment, the kubeconfig's proxy-url carrying every request, and the
 * controller's policy running and reading nothing.
 */
class KubeconfigAccessClusterTest {

    @TempDir
    Path dir;

    private static void assertReachable(ClusterAccess access) {
        var status = new GitOpsSync(access, new RecordingLog()).status(TestCluster.unique("absent"), "default");
        assertThat(status.exists()).isFalse();
    }

    @Test
    void theContextOptionChoosesANonCurrentContext() {
        Kubeconfigs.Admin a = Kubeconfigs.admin();
        String yaml = Kubeconfigs.of("broken", Kubeconfigs.tokenUser(), null);

        try (ClusterAccess access = ClusterAccess.fromKubeconfigContent(yaml, "real")) {
            assertReachable(access);
        }
        try (ClusterAccess current = ClusterAccess.fromKubeconfigContent(yaml, null)) {
            assertThatThrownBy(() -> assertReachable(current)).isInstanceOf(SyncException.class).hasMessageContaining("127.0.0.1:1");
        }
    }

    private static AccessOptions runnerWith(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("TEST_CLUSTER_TOKEN");
        env.putAll(extra);
        return new AccessOptions(KubeconfigPolicy.TRUSTED, new LocalProcessRunner(env), "here");
    }

    @Test
    void anExecPluginGetsTheCallersEnvironment() throws IOException {
        Kubeconfigs.Admin a = Kubeconfigs.admin();
        String yaml = Kubeconfigs.of("real", Kubeconfigs.execUser(Kubeconfigs.tokenPlugin(dir, "TEST_CLUSTER_TOKEN").toString()), null);

        try (ClusterAccess access = ClusterAccess.fromKubeconfigContent(yaml, null, "the kubeconfig",
                runnerWith(Map.of("TEST_CLUSTER_TOKEN", a.token())))) {
            assertReachable(access);
        }
        assertThatThrownBy(() -> ClusterAccess.fromKubeconfigContent(yaml, null, "the kubeconfig", runnerWith(Map.of())))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("failed (exit 2): error: TEST_CLUSTER_TOKEN is not set; log in first");
    }

    @Test
    void theControllersPolicyRunsNoCommandAndReadsNoFile() throws IOException {
        Kubeconfigs.Admin a = Kubeconfigs.admin();
        Path marker = dir.resolve("ran");
        Path plugin = dir.resolve("marking-plugin");
        Files.writeString(plugin, "#!/bin/sh\ntouch " + marker + "\nexit 1\n");
        plugin.toFile().setExecutable(true);
        AccessOptions controller = new AccessOptions(KubeconfigPolicy.TEXT_ONLY, LocalProcessRunner.ofThisProcess(),
                "on the Jenkins controller");

        assertThatThrownBy(() -> ClusterAccess.fromKubeconfigContent(Kubeconfigs.of("real", Kubeconfigs.execUser(plugin.toString()), null),
                null, "the kubeconfig credential 'k'", controller))
                .isInstanceOf(KubeconfigPolicy.RefusedKubeconfigException.class)
                .hasMessageContaining("runs the exec plugin '" + plugin + "'");
        assertThat(marker).doesNotExist();
        Path keyFile = dir.resolve("unreadable-key.pem");
        assertThatThrownBy(() -> ClusterAccess.fromKubeconfigContent(Kubeconfigs.of("real",
                "token: x\nclient-key: " + keyFile + "\nclient-certificate: " + keyFile, null), null, "k", controller))
                .hasMessageContaining("reads files (users[u].client-certificate, users[u].client-key)");
        assertThatThrownBy(() -> ClusterAccess.inCluster(controller)).hasMessageContaining("in-cluster service account");
        // an inert kubeconfig (the text only) works on the controller
        try (ClusterAccess inert = ClusterAccess.fromKubeconfigContent(
                Kubeconfigs.of("real", Kubeconfigs.tokenUser(), null), null, "k", controller)) {
            assertReachable(inert);
        }
    }

    @Test
    void theKubeconfigsProxyUrlCarriesEveryRequest() throws Exception {
        Kubeconfigs.Admin a = Kubeconfigs.admin();
        try (ConnectProxy proxy = new ConnectProxy()) {
            String yaml = Kubeconfigs.of("real", Kubeconfigs.tokenUser(), "http://127.0.0.1:" + proxy.port());
            try (ClusterAccess access = ClusterAccess.fromKubeconfigContent(yaml, null)) {
                assertReachable(access);
            }
            String hostPort = a.server().replaceFirst("^https://", "").replaceAll("/+$", "");
            assertThat(proxy.tunnels()).isNotEmpty().allMatch(t -> t.equals(hostPort));
        }
    }

    /** A minimal HTTP CONNECT proxy on loopback that records where each tunnel went. */
    static final class ConnectProxy implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<String> tunnels = new CopyOnWriteArrayList<>();

        ConnectProxy() throws IOException {
            Thread t = new Thread(this::accept, "test-connect-proxy");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        List<String> tunnels() {
            return tunnels;
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Thread t = new Thread(() -> tunnel(client), "test-connect-proxy-tunnel");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void tunnel(Socket client) {
            try (client) {
                InputStream in = client.getInputStream();
                String request = readHead(in);
                String[] first = request.lines().findFirst().orElse("").split(" ");
                if (first.length < 2 || !first[0].equals("CONNECT")) {
                    client.getOutputStream().write("HTTP/1.1 405 Method Not Allowed\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                String target = first[1];
                tunnels.add(target);
                int colon = target.lastIndexOf(':');
                try (Socket upstream = new Socket(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)))) {
                    client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    Thread back = new Thread(() -> pipe(upstream, client));
                    back.setDaemon(true);
                    back.start();
                    pipe(client, upstream);
                    back.join(5000);
                }
            } catch (IOException | InterruptedException e) {
                // the client went away
            }
        }

        private static String readHead(InputStream in) throws IOException {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                sb.append((char) c);
                if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
                    break;
                }
            }
            return sb.toString();
        }

        private static void pipe(Socket from, Socket to) {
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                in.transferTo(out);
                to.shutdownOutput();
            } catch (IOException e) {
                // either side closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
