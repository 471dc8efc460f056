package io.jenkins.plugins.gitopssync.engine.source;

import java.nio.file.Path;

/**
 * A checked-out manifests repository: its root directory, the exact revision (commit id) that was
 * checked out, and the path inside it to render ("" or "." for the root). The caller does the Git
 * part (the CLI with JGit, the plugin with git-client); the engine never talks to Git.
 */
public record ManifestSource(Path root, String revision, String path) {

    public ManifestSource {
        path = path == null || path.isBlank() ? "." : path;
    }
}
