package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A temporary directory for one chart render: Helm's configuration, cache and data homes (so neither the
 * user's {@code ~/.config/helm}, their repositories, registry logins nor plugins take part, as in Argo CD),
 * the values and credentials files the render writes (owner-only), and staged copies of charts whose
 * dependencies are fetched. Deleted, with everything in it, when closed.
 */
final class HelmWorkspace implements AutoCloseable {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path dir;
    private int files;

    private HelmWorkspace(Path dir) {
        this.dir = dir;
    }

    static HelmWorkspace create(Path parent) {
        try {
            Path base = parent == null ? Path.of(System.getProperty("java.io.tmpdir")) : parent;
            Files.createDirectories(base);
            Path dir = POSIX ? Files.createTempDirectory(base, "gitops-helm-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory(base, "gitops-helm-");
            return new HelmWorkspace(dir);
        } catch (IOException e) {
            throw new SyncException("cannot create a temporary directory for Helm in " + parent + ": " + e.getMessage(), e);
        }
    }

    Path dir() {
        return dir;
    }

    /** Helm's homes and files, all inside this directory. */
    Map<String, String> environment() {
        return Map.of("HELM_CONFIG_HOME", dir.resolve("config").toString(),
                "HELM_CACHE_HOME", dir.resolve("cache").toString(),
                "HELM_DATA_HOME", dir.resolve("data").toString(),
                "HELM_PLUGINS", dir.resolve("data/plugins").toString(),
                "HELM_REPOSITORY_CONFIG", repositoryConfig().toString(),
                "HELM_REPOSITORY_CACHE", dir.resolve("cache/repository").toString(),
                "HELM_REGISTRY_CONFIG", registryConfig().toString());
    }

    Path repositoryConfig() {
        return dir.resolve("config/repositories.yaml");
    }

    Path registryConfig() {
        return dir.resolve("config/registry/config.json");
    }

    /** Writes {@code content} to a new owner-only file here; its path. */
    Path write(String name, String content) {
        try {
            Path file = dir.resolve("f" + (++files) + "-" + name);
            write(file, content);
            return file;
        } catch (IOException e) {
            throw new SyncException("cannot write a temporary file for Helm: " + e.getMessage(), e);
        }
    }

    static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the files are owner-only and in a temporary directory
        }
    }
}
