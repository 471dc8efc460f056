package io.jenkins.plugins.gitopssync.testsupport;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real helm the tests render charts with and compare against: {@code GITOPS_TEST_HELM}, else {@code helm} on
 * the PATH ({@code run-tests} builds it with {@code test-cluster/tool build helm} and puts it there). Missing, a
 * test is skipped, or fails when {@code GITOPS_TEST_REQUIRE_CLUSTER=true} (CI). As an oracle it runs with Helm
 * homes of its own, never the user's configuration.
 */
public final class Helm {

    private Helm() {
    }

    /** The helm binary; skips the test, or fails it when the cluster (and so helm) is required. */
    public static Path binary() {
        return find("helm", "GITOPS_TEST_HELM");
    }

    /**
     * A helm v3 ({@code helm3} on the PATH, or {@code GITOPS_TEST_HELM3}), for Kustomize's chart inflation, which
     * in kubectl v1.35 accepts helm v3 only.
     */
    public static Path v3Binary() {
        return find("helm3", "GITOPS_TEST_HELM3");
    }

    private static Path find(String name, String variable) {
        String explicit = System.getenv(variable);
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            if (!Files.isExecutable(p)) {
                fail(variable + " points to " + p + ", which is not an executable file");
            }
            return p;
        }
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        String hint = "build it with test-cluster/tool build " + name + " and put its directory on the PATH (run-tests does)";
        if ("true".equalsIgnoreCase(System.getenv("GITOPS_TEST_REQUIRE_CLUSTER"))) {
            fail("GITOPS_TEST_REQUIRE_CLUSTER=true but " + name + " is not on the PATH: " + hint);
        }
        assumeTrue(false, "chart test skipped: " + name + " is not on the PATH; " + hint);
        return null;
    }

    /** Runs {@code helm ARGS} in {@code dir}; its standard output, or an AssertionError with its message. */
    public static String run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary().toString());
        cmd.addAll(List.of(args));
        Path homes = Files.createTempDirectory("helm-oracle");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
            pb.environment().put("HELM_CONFIG_HOME", homes.resolve("config").toString());
            pb.environment().put("HELM_CACHE_HOME", homes.resolve("cache").toString());
            pb.environment().put("HELM_DATA_HOME", homes.resolve("data").toString());
            Path err = homes.resolve("stderr");
            pb.redirectError(err.toFile());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("helm timed out: " + cmd);
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("helm " + String.join(" ", args) + " failed: " + Files.readString(err));
            }
            return out;
        } finally {
            try (Stream<Path> walk = Files.walk(homes)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
