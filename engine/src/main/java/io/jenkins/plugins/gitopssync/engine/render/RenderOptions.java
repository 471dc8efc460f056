package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.process.Tools;

/**
 * How a source is rendered, beside what it is ({@link io.jenkins.plugins.gitopssync.engine.source.ManifestSource}):
 * the programs a render may run and where they run, and how a chart is rendered.
 *
 * @param tools kubectl (Kustomize) and helm, and the runner that starts them
 * @param helm  release name, values and the other options of a chart's render
 */
public record RenderOptions(Tools tools, HelmOptions helm) {

    public RenderOptions {
        tools = tools == null ? Tools.local() : tools;
        helm = helm == null ? HelmOptions.DEFAULT : helm;
    }

    public RenderOptions(Tools tools) {
        this(tools, null);
    }

    /** This process's environment, the default programs. */
    public static RenderOptions defaults() {
        return new RenderOptions(Tools.local());
    }
}
