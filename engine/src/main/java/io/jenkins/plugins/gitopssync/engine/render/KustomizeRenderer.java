package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds a Kustomization with {@code kubectl kustomize <dir>}. The kubectl binary is taken from the
 * system property {@code gitops.kubectl}, else the environment variable {@code GITOPS_KUBECTL}, else
 * {@code kubectl} on the PATH. Objects are located as "<dir>/kustomization.yaml:<line in the output>".
 */
public final class KustomizeRenderer {

    public static final String KUBECTL_PROPERTY = "gitops.kubectl";
    public static final String KUBECTL_ENV = "GITOPS_KUBECTL";
    static final List<String> KUSTOMIZATION_FILES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");
    private static final long TIMEOUT_MINUTES = 10;

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
    public static List<Manifest> render(Path realRoot, Path dir, String relFile, SyncLog log) {
        KustomizationGuard.check(realRoot, dir);
        String kubectl = kubectl();
        String relDir = relFile.contains("/") ? relFile.substring(0, relFile.lastIndexOf('/')) : ".";
        log.info("Building Kustomization " + relDir + " with " + kubectl + " kustomize");
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("gitops-kustomize", ".yaml");
            err = Files.createTempFile("gitops-kustomize", ".err");
            Process process;
            try {
                process = new ProcessBuilder(kubectl, "kustomize", dir.toString(),
                        // kustomize's default, made explicit: files only from within each kustomization root
                        "--load-restrictor=LoadRestrictionsRootOnly")
                        .directory(dir.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())))
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
            } catch (IOException e) {
                throw new SyncException(notFoundMessage(kubectl, relDir), e);
            }
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new SyncException(relFile + ": kubectl kustomize did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0) {
                String stderr = Files.readString(err, StandardCharsets.UTF_8).strip();
                throw new SyncException(relFile + ": kustomize build failed (exit " + process.exitValue() + "): "
                        + (stderr.isEmpty() ? "no message" : stderr));
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8).strip();
            if (!stderr.isEmpty()) {
                log.warn(relFile + ": kustomize: " + stderr);
            }
            long size = Files.size(out);
            if (size > ParseLimits.DEFAULT.fileBytes()) {
                throw new SyncException(relFile + ": the Kustomize build's output of " + ParseLimits.size(size)
                        + " is larger than the limit of " + ParseLimits.size(ParseLimits.DEFAULT.fileBytes()) + "; nothing was read");
            }
            return ManifestParser.parse(relFile, Files.readString(out, StandardCharsets.UTF_8), false, log);
        } catch (IOException e) {
            throw new SyncException(relFile + ": cannot run kubectl kustomize: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException(relFile + ": interrupted while running kubectl kustomize", e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    static String kubectl() {
        String fromProperty = System.getProperty(KUBECTL_PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return fromProperty;
        }
        String fromEnv = System.getenv(KUBECTL_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        return "kubectl";
    }

    private static String notFoundMessage(String kubectl, String relDir) {
        String how = kubectl.equals("kubectl")
                ? "kubectl was not found on the PATH"
                : "kubectl was not found at '" + kubectl + "' (from " + KUBECTL_PROPERTY + " / " + KUBECTL_ENV + ")";
        return how + "; it is needed to build the Kustomization in '" + relDir
                + "'. Install kubectl on the machine that runs the sync, or set " + KUBECTL_ENV + " to its path.";
    }

    private static String nullDevice() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows") ? "NUL" : "/dev/null";
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
