package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.render.ChartRepositoryAuth;
import io.jenkins.plugins.gitopssync.engine.render.HelmOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How a chart is rendered (when --path holds a Chart.yaml): values, release name, CRDs, which helm; the chart
 * repository account comes from the environment, never from the command line.
 */
final class ChartOptions {

    static final String REPOSITORY_USERNAME = "GITOPS_SYNC_HELM_REPOSITORY_USERNAME";
    static final String REPOSITORY_PASSWORD = "GITOPS_SYNC_HELM_REPOSITORY_PASSWORD";

    @Option(names = "--helm-values", paramLabel = "FILE",
            description = "A chart's values file, relative to the repository root (repeatable; later files win).")
    List<String> valuesFiles = new ArrayList<>();

    @Option(names = "--helm-values-inline", paramLabel = "YAML",
            description = "A chart's values as YAML, above the values files.")
    String values;

    @Option(names = "--helm-set", paramLabel = "KEY=VALUE",
            description = "A chart's value in Helm's --set grammar, above everything else (repeatable).")
    List<String> parameters = new ArrayList<>();

    @Option(names = "--release-name", paramLabel = "NAME",
            description = "The release name a chart is rendered with. Default: the ApplySet's name.")
    String releaseName;

    @Option(names = "--skip-crds", description = "Leave a chart's crds/ out of the render.")
    boolean skipCrds;

    @Option(names = "--helm", paramLabel = "PATH",
            description = "The helm to render charts with (v3.8+ or v4). Default: $GITOPS_HELM, else helm on the PATH.")
    String helm;

    /** The chart options of a render; the chart repository's account from the environment. */
    HelmOptions helmOptions(Environment env) {
        String username = env.get(REPOSITORY_USERNAME);
        String password = env.get(REPOSITORY_PASSWORD);
        ChartRepositoryAuth auth = username == null && password == null ? null
                : new ChartRepositoryAuth(username == null ? "" : username, password == null ? "" : password);
        return HelmOptions.builder().releaseName(releaseName).valuesFiles(valuesFiles).values(values)
                .parameters(parameters).skipCrds(skipCrds).repositoryAuth(auth).build();
    }

    /** What the console never shows. */
    static List<String> secretValues(Map<String, String> env) {
        String password = env.get(REPOSITORY_PASSWORD);
        return password == null || password.isBlank() ? List.of() : List.of(password);
    }
}
