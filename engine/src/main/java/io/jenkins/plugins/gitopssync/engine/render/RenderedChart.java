package io.jenkins.plugins.gitopssync.engine.render;

import java.io.Serializable;
import java.util.List;

/**
 * Which chart a sync rendered, for the report and the build page.
 *
 * @param name        the chart's name (Chart.yaml)
 * @param version     its version (Chart.yaml), or null
 * @param path        its directory relative to the repository root
 * @param valuesFiles the values files given, in order (relative to the repository root)
 * @param releaseName the release name it was rendered with
 * @param namespace   the release namespace
 */
public record RenderedChart(String name, String version, String path, List<String> valuesFiles, String releaseName,
                            String namespace) implements Serializable {

    private static final long serialVersionUID = 1L;

    public RenderedChart {
        valuesFiles = valuesFiles == null ? List.of() : List.copyOf(valuesFiles);
    }

    /** "shop 1.2.0" */
    public String describe() {
        return name + (version == null ? "" : " " + version);
    }
}
