package io.jenkins.plugins.gitopssync.engine.render;

import java.util.List;

/**
 * What a render produced: the objects, and the chart they came from when the path is a chart (else null).
 */
public record Rendering(List<Manifest> manifests, RenderedChart chart) {

    public Rendering {
        manifests = List.copyOf(manifests);
    }
}
