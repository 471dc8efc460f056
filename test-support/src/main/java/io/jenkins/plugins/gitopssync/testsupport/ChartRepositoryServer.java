package io.jenkins.plugins.gitopssync.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A chart repository on loopback for the dependency tests: serves the charts a test packaged with the real helm
 * ({@link #add}) and the {@code index.yaml} helm makes of them, under {@code /charts/}, to requests that carry the
 * account (HTTP basic auth); others get 401. Records each request as "STATUS PATH".
 */
public final class ChartRepositoryServer implements AutoCloseable {

    private final HttpServer server;
    private final Path dir;
    private final String expected;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private ChartRepositoryServer(Path dir, String username, String password) throws IOException {
        this.dir = dir;
        this.expected = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/charts/", this::serve);
        server.start();
    }

    /** Started on a free loopback port, serving the files of {@code dir}. */
    public static ChartRepositoryServer start(Path dir, String username, String password) throws IOException {
        Files.createDirectories(dir);
        return new ChartRepositoryServer(dir, username, password);
    }

    /** The repository's URL, as a chart's dependencies name it. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/charts";
    }

    /** Packages {@code chartDir} with helm into the repository and re-makes its index. */
    public void add(Path chartDir) throws IOException, InterruptedException {
        Helm.run(chartDir.getParent(), "package", chartDir.toString(), "--destination", dir.toString());
        Helm.run(dir, "repo", "index", dir.toString(), "--url", url());
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"charts\"");
                respond(exchange, 401, "unauthorized\n".getBytes(StandardCharsets.UTF_8), path);
                return;
            }
            Path file = dir.resolve(path.substring("/charts/".length())).normalize();
            if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
                respond(exchange, 404, "not found\n".getBytes(StandardCharsets.UTF_8), path);
                return;
            }
            respond(exchange, 200, Files.readAllBytes(file), path);
        }
    }

    private void respond(HttpExchange exchange, int status, byte[] body, String path) throws IOException {
        requests.add(status + " " + path);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
