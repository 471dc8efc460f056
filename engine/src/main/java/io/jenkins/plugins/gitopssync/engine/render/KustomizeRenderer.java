package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.process.ProcessResult;
import io.jenkins.plugins.gitopssync.engine.process.ProcessSpec;
import io.jenkins.plugins.gitopssync.engine.process.ProcessTimeoutException;
import io.jenkins.plugins.gitopssync.engine.process.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a Kustomization with {@code kubectl kustomize <dir>}, started by the {@link Tools}' runner (in a
 * Jenkins build: through the build's launcher, with its environment). The kubectl is the tools' choice:
 * an option, else {@value Tools#KUBECTL_ENV} of the environment, else {@code kubectl} on its PATH.
 * Objects are located as "<dir>/kustomization.yaml:<line in the output>". A Kustomization that inflates charts
 * ({@code helmCharts}) is built with Helm enabled and the same helm a chart is rendered with, with Helm homes of
 * its own (never the user's configuration).
 */
public final class KustomizeRenderer {

    static final List<String> KUSTOMIZATION_FILES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private KustomizeRenderer() {
    }

    /** The kustomization file in {@code dir}, or null when the directory holds none. */
    public static Path kustomizationFile(Path dir) {
        for (String name : KUSTOMIZATION_FILES) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * @param realRoot the repository root, symlinks resolved: nothing outside it may be read
     * @param dir      the kustomization directory (inside the repository)
     * @param relFile  the kustomization file relative to the repository root, used in locations
     */
    public static List<Manifest> render(Path realRoot, Path dir, String relFile, Tools tools, SyncLog log) {
        return render(realRoot, dir, relFile, tools, SopsFiles.of(RenderOptions.defaults()), log);
    }

    /**
     * As above; sops-encrypted files it names are decrypted into a temporary copy that Kustomize reads instead, and
     * charts it inflates ({@code helmCharts}) get a Helm home of their own.
     */
    static List<Manifest> render(Path realRoot, Path dir, String relFile, Tools tools, SopsFiles sops, SyncLog log) {
        KustomizationGuard.Reached reached = KustomizationGuard.check(realRoot, dir);
        try (DecryptedCopy copy = DecryptedCopy.prepare(realRoot, reached, sops);
             HelmWorkspace helm = reached.usesHelm() ? HelmWorkspace.create(null) : null) {
            if (copy != null) {
                log.info("Decrypted the sops-encrypted files of " + relFile + " into a temporary copy for Kustomize");
            }
            try {
                return build(copy == null ? dir : copy.inCopy(dir), relFile, tools, helm, log);
            } catch (SyncException e) {
                throw copy == null ? e : new SyncException(copy.unmap(e.getMessage()));
            }
        }
    }

    private static List<Manifest> build(Path dir, String relFile, Tools tools, HelmWorkspace helm, SyncLog log) {
        String kubectl = tools.kubectlCommand();
        String relDir = relFile.contains("/") ? relFile.substring(0, relFile.lastIndexOf('/')) : ".";
        log.info("Building Kustomization " + relDir + " with " + kubectl + " kustomize"
                + (helm == null ? "" : ", charts inflated with " + tools.helmCommand()));
        // kustomize's default, made explicit: files only from within each kustomization root
        List<String> command = new ArrayList<>(List.of(kubectl, "kustomize", dir.toString(),
                "--load-restrictor=LoadRestrictionsRootOnly"));
        if (helm != null) {
            command.addAll(List.of("--enable-helm", "--helm-command", tools.helmCommand()));
        }
        long limit = ParseLimits.DEFAULT.fileBytes();
        ProcessResult result;
        try {
            result = tools.runner().run(ProcessSpec.of(command, dir.toString())
                    .withEnvironment(helm == null ? Map.of() : helm.environment())
                    .withTimeout(TIMEOUT).withMaxOutputBytes(limit));
        } catch (ProcessTimeoutException e) {
            throw new SyncException(relFile + ": kubectl kustomize did not finish within " + TIMEOUT.toMinutes() + " minutes");
        } catch (IOException e) {
            throw new SyncException(notFoundMessage(kubectl, tools.kubectlNamed(), relDir) + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException(relFile + ": interrupted while running kubectl kustomize", e);
        }
        String stderr = result.stderr().strip();
        if (!result.succeeded() && helm != null && refusesHelm(stderr)) {
            throw new SyncException(relFile + ": kubectl kustomize inflates charts (helmCharts) only with helm v3, and "
                    + tools.helmCommand() + " is not; name a helm v3 with the helm option or " + Tools.HELM_ENV
                    + " (kustomize: " + firstLine(stderr) + ")");
        }
        if (!result.succeeded()) {
            throw new SyncException(relFile + ": kustomize build failed (exit " + result.exitCode() + "): "
                    + (stderr.isEmpty() ? "no message" : stderr));
        }
        if (!stderr.isEmpty()) {
            log.warn(relFile + ": kustomize: " + stderr);
        }
        if (result.truncated()) {
            throw new SyncException(relFile + ": the Kustomize build's output of " + ParseLimits.size(result.outputBytes())
                    + " is larger than the limit of " + ParseLimits.size(limit) + "; nothing was read");
        }
        return ManifestParser.parse(relFile, result.stdoutText(), false, log);
    }

    /** Older kustomize (kubectl up to v1.35 at least) runs {@code helm version -c} and wants major version 3. */
    private static boolean refusesHelm(String stderr) {
        return stderr.contains("unknown shorthand flag: 'c'") || stderr.contains("requires helm V3");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String notFoundMessage(String kubectl, boolean named, String relDir) {
        String how = named
                ? "kubectl could not be started at '" + kubectl + "' (named by the kubectl option or " + Tools.KUBECTL_ENV + ")"
                : "kubectl could not be started from the PATH";
        return how + "; it is needed to build the Kustomization in '" + relDir
                + "'. Install kubectl where the sync runs, put it on the build's PATH, or name it with the kubectl option or "
                + Tools.KUBECTL_ENV + ".";
    }
}
