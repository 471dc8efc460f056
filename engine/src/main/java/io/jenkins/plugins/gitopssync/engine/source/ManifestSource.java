package io.jenkins.plugins.gitopssync.engine.source;

import java.nio.file.Path;

/**
 * A checked-out manifests repository: its root directory, the exact revision (commit id) that was
 * checked out, and the path inside it to render ("" or "." for the root). The caller does the Git
 * part (the CLI with JGit, the plugin with git-client); the engine never talks to Git.
 *
 * @param parseCache a file where the YAML parsed from this source is kept between runs, or null for none
 */
public record ManifestSource(Path root, String revision, String path, Path parseCache) {

    public ManifestSource {
        path = path == null || path.isBlank() ? "." : path;
    }

    public ManifestSource(Path root, String revision, String path) {
        this(root, revision, path, null);
    }

    /** The same source, its parsed YAML kept in {@code file}. */
    public ManifestSource withParseCache(Path file) {
        return new ManifestSource(root, revision, path, file);
    }
}
