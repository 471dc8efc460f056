package io.jenkins.plugins.gitopssync.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real kubectl (first on PATH) against the test cluster, as a user would. */
public final class Kubectl {

    public record Result(int exitCode, String output) {
    }

    private Kubectl() {
    }

    public static Result run(Path kubeconfig, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("kubectl");
        cmd.add("--kubeconfig=" + kubeconfig);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("kubectl timed out: " + cmd);
        }
        return new Result(p.exitValue(), out);
    }

    /** Runs with the admin kubeconfig and fails the test on a non-zero exit. */
    public static String ok(String... args) throws IOException, InterruptedException {
        Result r = run(TestCluster.kubeconfig(), Map.of(), args);
        if (r.exitCode() != 0) {
            throw new AssertionError("kubectl " + String.join(" ", args) + " failed: " + r.output());
        }
        return r.output();
    }
}
