package io.jenkins.plugins.gitopssync.engine.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a chart is rendered (when the path holds a {@code Chart.yaml}): the user's choices, the same on every
 * front end. Values are merged as Helm merges them: the files in order (later ones win), then the inline
 * values, then the parameters ({@code --set}), then the secret parameters.
 *
 * @param releaseName      the release name Helm renders with; null for the default (derived from the ApplySet)
 * @param valuesFiles      files inside the repository, relative to its root, in order
 * @param values           inline YAML, above the files; null for none
 * @param parameters       {@code key=value} in Helm's {@code --set} grammar, above everything else
 * @param secretParameters {@code key=value} whose values come from credentials: given to Helm through files
 *                         ({@code --set-file}, so the value is a string and never on a command line) and masked in
 *                         every log line, error, diff and report
 * @param skipCrds         leave the chart's {@code crds/} out (they are applied first otherwise)
 * @param repositoryAuth   the account for the chart repositories (HTTP or OCI) the chart's dependencies name; null
 *                         for none
 * @param tempDir          where the render's temporary files go (values, Helm's configuration, fetched
 *                         dependencies): a directory the process that runs Helm sees too (a Jenkins build's
 *                         workspace, for {@code container()}); null for the system's
 */
public record HelmOptions(String releaseName, List<String> valuesFiles, String values, List<String> parameters,
                          List<String> secretParameters, boolean skipCrds, ChartRepositoryAuth repositoryAuth,
                          Path tempDir) {

    public static final HelmOptions DEFAULT = builder().build();

    public HelmOptions {
        releaseName = blankToNull(releaseName);
        valuesFiles = clean(valuesFiles);
        values = blankToNull(values);
        parameters = clean(parameters);
        secretParameters = clean(secretParameters);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().releaseName(releaseName).valuesFiles(valuesFiles).values(values).parameters(parameters)
                .secretParameters(secretParameters).skipCrds(skipCrds).repositoryAuth(repositoryAuth).tempDir(tempDir);
    }

    /** What must never be shown: the secret parameters' values and the repository password. */
    public List<String> secretValues() {
        List<String> out = new ArrayList<>();
        for (String p : secretParameters) {
            int eq = p.indexOf('=');
            if (eq >= 0 && eq < p.length() - 1) {
                out.add(p.substring(eq + 1));
            }
        }
        if (repositoryAuth != null && repositoryAuth.password() != null && !repositoryAuth.password().isEmpty()) {
            out.add(repositoryAuth.password());
        }
        return out;
    }

    @Override
    public String toString() {
        // secret parameters and the password stay out of every string
        return "HelmOptions[releaseName=" + releaseName + ", valuesFiles=" + valuesFiles + ", parameters=" + parameters
                + ", secretParameters=" + secretParameters.stream().map(p -> p.contains("=")
                        ? p.substring(0, p.indexOf('=')) + "=****" : p).toList()
                + ", skipCrds=" + skipCrds + ", repositoryAuth=" + repositoryAuth + "]";
    }

    private static List<String> clean(List<String> list) {
        return list == null ? List.of() : list.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Fluent construction; what is not set is empty. */
    public static final class Builder {
        private String releaseName;
        private List<String> valuesFiles = List.of();
        private String values;
        private List<String> parameters = List.of();
        private List<String> secretParameters = List.of();
        private boolean skipCrds;
        private ChartRepositoryAuth repositoryAuth;
        private Path tempDir;

        private Builder() {
        }

        public Builder releaseName(String v) { releaseName = v; return this; }
        public Builder valuesFiles(List<String> v) { valuesFiles = v; return this; }
        public Builder values(String v) { values = v; return this; }
        public Builder parameters(List<String> v) { parameters = v; return this; }
        public Builder secretParameters(List<String> v) { secretParameters = v; return this; }
        public Builder skipCrds(boolean v) { skipCrds = v; return this; }
        public Builder repositoryAuth(ChartRepositoryAuth v) { repositoryAuth = v; return this; }
        public Builder tempDir(Path v) { tempDir = v; return this; }

        public HelmOptions build() {
            return new HelmOptions(releaseName, valuesFiles, values, parameters, secretParameters, skipCrds,
                    repositoryAuth, tempDir);
        }
    }
}
