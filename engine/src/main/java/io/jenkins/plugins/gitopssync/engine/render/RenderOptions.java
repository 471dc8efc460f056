package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.process.Tools;

/**
 * How a source is rendered, beside what it is ({@link io.jenkins.plugins.gitopssync.engine.source.ManifestSource}):
 * the programs a render may run and where they run.
 *
 * @param tools kubectl (Kustomize) and helm, and the runner that starts them
 */
public record RenderOptions(Tools tools) {

    public RenderOptions {
        tools = tools == null ? Tools.local() : tools;
    }

    /** This process's environment, the default programs. */
    public static RenderOptions defaults() {
        return new RenderOptions(Tools.local());
    }
}
