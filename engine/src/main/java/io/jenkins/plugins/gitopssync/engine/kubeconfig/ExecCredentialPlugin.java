package io.jenkins.plugins.gitopssync.engine.kubeconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.process.ProcessResult;
import io.jenkins.plugins.gitopssync.engine.process.ProcessRunner;
import io.jenkins.plugins.gitopssync.engine.process.ProcessSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a kubeconfig user's exec credential plugin as client-go does: through the caller's {@link ProcessRunner}
 * (in a Jenkins build, the build's launcher and environment, so {@code withCredentials}, {@code withAWS} or
 * {@code container()} reach it), with {@code KUBERNETES_EXEC_INFO} set, and reads the ExecCredential it prints.
 * The credential is kept until shortly before it expires, then the plugin runs again.
 */
public final class ExecCredentialPlugin {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Run again this long before the credential expires, so no request goes out with a token about to lapse. */
    private static final Duration EARLY = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final int MAX_OUTPUT = 1024 * 1024;

    private final ExecConfig config;
    private final ProcessRunner runner;
    private final Path directory;
    private final Map<String, Object> clusterInfo;
    private final String user;
    private final Clock clock;
    private ExecCredential current;

    /**
     * @param directory   the kubeconfig file's directory (a relative command resolves there), or null
     * @param clusterInfo the cluster as the plugin is told it when it asks ({@code server}, CA data), or null
     * @param user        the kubeconfig user's name, for messages
     */
    public ExecCredentialPlugin(ExecConfig config, ProcessRunner runner, Path directory, Map<String, Object> clusterInfo,
                                String user, Clock clock) {
        this.config = config;
        this.runner = runner;
        this.directory = directory;
        this.clusterInfo = clusterInfo;
        this.user = user;
        this.clock = clock;
    }

    /** The credential, running the plugin when there is none yet or it is about to expire. */
    public synchronized ExecCredential credential() {
        if (current == null || current.expiredAt(clock.instant().plus(EARLY))) {
            current = run();
        }
        return current;
    }

    private ExecCredential run() {
        List<String> command = new ArrayList<>();
        command.add(program());
        command.addAll(config.args());
        Map<String, String> env = new LinkedHashMap<>(config.env());
        env.put("KUBERNETES_EXEC_INFO", execInfo());
        ProcessResult result;
        try {
            result = runner.run(ProcessSpec.of(command, null).withEnvironment(env).withTimeout(TIMEOUT)
                    .withMaxOutputBytes(MAX_OUTPUT));
        } catch (IOException e) {
            throw new SyncException(describe() + " could not be started: " + e.getMessage()
                    + (config.installHint() == null ? "" : ". " + config.installHint().strip()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException(describe() + " was interrupted", e);
        }
        if (!result.succeeded()) {
            String err = result.stderr().strip();
            throw new SyncException(describe() + " failed (exit " + result.exitCode() + ")"
                    + (err.isEmpty() ? "" : ": " + err));
        }
        return parse(result.stdoutText());
    }

    /** client-go resolves a relative command (one with a slash) against the kubeconfig file's directory. */
    private String program() {
        String c = config.command();
        boolean relative = (c.contains("/") || c.contains("\\")) && !Path.of(c).isAbsolute();
        return relative && directory != null ? directory.resolve(c).normalize().toString() : c;
    }

    private String execInfo() {
        ObjectNode info = JSON.createObjectNode();
        info.put("apiVersion", config.apiVersion());
        info.put("kind", "ExecCredential");
        ObjectNode spec = info.putObject("spec");
        spec.put("interactive", false);
        if (config.provideClusterInfo() && clusterInfo != null) {
            spec.set("cluster", JSON.valueToTree(clusterInfo));
        }
        return info.toString();
    }

    ExecCredential parse(String stdout) {
        JsonNode root;
        try {
            root = JSON.readTree(stdout);
        } catch (IOException e) {
            // its output may be a credential with a syntax error: never quote it
            throw new SyncException(describe() + " printed something that is not an ExecCredential (not JSON)");
        }
        if (root == null || !"ExecCredential".equals(root.path("kind").asText())) {
            throw new SyncException(describe() + " printed something that is not an ExecCredential (kind "
                    + (root == null ? "none" : root.path("kind").asText("none")) + ")");
        }
        String version = root.path("apiVersion").asText();
        if (!version.equals(config.apiVersion())) {
            throw new SyncException(describe() + " answered with apiVersion " + version + " but the kubeconfig asks for "
                    + config.apiVersion());
        }
        JsonNode status = root.path("status");
        String token = text(status, "token");
        String cert = text(status, "clientCertificateData");
        String key = text(status, "clientKeyData");
        if (token == null && (cert == null || key == null)) {
            throw new SyncException(describe() + " returned neither a token nor a client certificate and key");
        }
        return new ExecCredential(token, cert, key, expiration(status));
    }

    private Instant expiration(JsonNode status) {
        String at = text(status, "expirationTimestamp");
        if (at == null) {
            return null;
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new SyncException(describe() + " returned an expirationTimestamp that is not an RFC 3339 time: " + at);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    private String describe() {
        return "the exec plugin '" + config.command() + "' of kubeconfig user '" + user + "'";
    }
}
