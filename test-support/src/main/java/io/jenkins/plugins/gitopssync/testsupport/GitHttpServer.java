package io.jenkins.plugins.gitopssync.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Git's own smart HTTP server ({@code git http-backend}, run as a CGI per request) on a loopback port, serving the
 * repositories under one folder behind Basic authentication with one account: what a private repository over https
 * is to a client, without TLS.
 */
public final class GitHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final Path root;
    private final String authorization;
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();

    private GitHttpServer(Path root, String username, String password) throws IOException {
        this.root = root;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves the repositories under {@code root} to {@code username} with {@code password}. */
    public static GitHttpServer start(Path root, String username, String password) throws IOException {
        return new GitHttpServer(root, username, password);
    }

    /** The URL of the repository in {@code root}'s folder {@code name}. */
    public String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
    }

    /** Requests answered 401 (none or a wrong account). */
    public int refused() {
        return refused.get();
    }

    /** Requests served with the right account. */
    public int served() {
        return served.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                refused.incrementAndGet();
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            served.incrementAndGet();
            cgi(exchange);
        }
    }

    private void cgi(HttpExchange exchange) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("git", "http-backend");
        Map<String, String> env = pb.environment();
        env.put("GIT_PROJECT_ROOT", root.toString());
        env.put("GIT_HTTP_EXPORT_ALL", "1");
        env.put("REQUEST_METHOD", exchange.getRequestMethod());
        env.put("PATH_INFO", exchange.getRequestURI().getPath());
        env.put("QUERY_STRING", exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery());
        env.put("REMOTE_USER", "git");
        env.put("REMOTE_ADDR", "127.0.0.1");
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        env.put("CONTENT_TYPE", type == null ? "" : type);
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding != null) {
            env.put("HTTP_CONTENT_ENCODING", encoding);
        }
        String protocol = exchange.getRequestHeaders().getFirst("Git-Protocol");
        if (protocol != null) {
            env.put("GIT_PROTOCOL", protocol);
        }
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try (OutputStream toCgi = p.getOutputStream(); InputStream body = exchange.getRequestBody()) {
            body.transferTo(toCgi);
        }
        byte[] output;
        try (InputStream fromCgi = p.getInputStream()) {
            output = fromCgi.readAllBytes();
        }
        respond(exchange, output);
    }

    /** A CGI answer: header lines (Status among them), a blank line, the body. */
    private static void respond(HttpExchange exchange, byte[] output) throws IOException {
        int status = 200;
        int at = 0;
        while (at < output.length) {
            int end = at;
            while (end < output.length && output[end] != '\n') {
                end++;
            }
            String line = new String(output, at, end - at, StandardCharsets.ISO_8859_1).replace("\r", "");
            at = end + 1;
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Status")) {
                status = Integer.parseInt(value.split(" ")[0]);
            } else {
                exchange.getResponseHeaders().add(name, value);
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(output, Math.min(at, output.length), output.length - Math.min(at, output.length));
        exchange.sendResponseHeaders(status, body.size() == 0 ? -1 : body.size());
        if (body.size() > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                body.writeTo(out);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
