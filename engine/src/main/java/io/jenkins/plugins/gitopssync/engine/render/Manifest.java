package io.jenkins.plugins.gitopssync.engine.render;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * One rendered object and where it came from. {@code file} is relative to the repository root;
 * {@code line} is the 1-based line where the YAML document starts (for Kustomize output: the
 * kustomization directory and the line in the rendered stream).
 */
public record Manifest(GenericKubernetesResource object, String file, int line) {

    public String location() {
        return file + ":" + line;
    }
}
