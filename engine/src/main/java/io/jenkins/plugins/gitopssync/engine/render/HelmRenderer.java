package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.mask.SecretValues;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.process.ProcessResult;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a chart the way Argo CD does: {@code helm template} with the release name and namespace, the values
 * in Helm's order, the chart's CRDs included (unless skipped) and the cluster's capabilities; the objects are
 * then synced like any other render, so there is no Helm release: no release Secret, nothing for
 * {@code helm ls}. Hooks stay in the render, for the plan to run in their phase; a chart that calls {@code lookup} or renders
 * differently each time is named in a warning. Any failure is one line naming the chart and Helm's message,
 * before anything is read from or written to the cluster's objects.
 */
final class HelmRenderer {

    /** Helm's limit for a release name. */
    static final int MAX_RELEASE_NAME = 53;

    private HelmRenderer() {
    }

    /**
     * @param realRoot the repository root, symbolic links resolved
     * @param chartDir the chart's directory inside it, symbolic links resolved
     */
    static Rendering render(Path realRoot, Path chartDir, ManifestSource source, RenderOptions options,
                            ChartTarget target, SyncLog log) {
        String rel = relative(realRoot, chartDir);
        ChartFile chart = ChartFile.read(chartDir, rel);
        String label = "chart " + chart.name() + " (" + rel + ")";
        if (chart.library()) {
            throw new SyncException(label + ": a library chart renders no objects; sync a chart that depends on it");
        }
        HelmOptions helm = options.helm();
        String release = releaseName(helm.releaseName() != null ? helm.releaseName() : target.releaseName());
        try (HelmWorkspace workspace = HelmWorkspace.create(helm.tempDir())) {
            HelmCommand command = new HelmCommand(options.tools(), workspace, helm.secretValues(), label,
                    List.of(workspace.dir().resolve("stage"), workspace.dir(), realRoot));
            command.checkVersion();
            // a values file that is missing or outside the repository fails before anything is fetched
            List<String> values = HelmValues.arguments(helm, realRoot, workspace, label);
            Path dir = ChartDependencies.prepare(chart, realRoot, helm, workspace, command, label, log);
            log.info("Rendering " + label + " with " + command.program() + " template: release " + release
                    + " in namespace " + target.namespace() + describe(helm));
            long limit = ParseLimits.DEFAULT.fileBytes();
            ProcessResult result = command.runOrFail("helm template",
                    arguments(release, dir, target, helm, values), limit, dir.toString());
            if (result.truncated()) {
                throw new SyncException(label + ": helm template's output of " + ParseLimits.size(result.outputBytes())
                        + " is larger than the limit of " + ParseLimits.size(limit) + "; nothing was read");
            }
            SecretValues secrets = options.secrets();
            result.stderr().lines().map(String::strip).filter(l -> !l.isEmpty())
                    .forEach(l -> log.warn(label + ": helm: " + secrets.mask(command.relative(l))));
            String output = result.stdoutText();
            // hooks (helm.sh/hook) stay: the plan reads their annotations and runs them in their phase and wave
            List<Manifest> manifests = HelmOutput.parse(output, chart.name(), rel, log);
            ChartLookups.warn(chart, label, log);
            checkDeterministic(source, rel, release, target, helm, output, secrets, label, log);
            return new Rendering(manifests, new RenderedChart(chart.name(), chart.version(), rel, helm.valuesFiles(),
                    release, target.namespace()));
        }
    }

    static List<String> arguments(String release, Path dir, ChartTarget target, HelmOptions helm, List<String> values) {
        List<String> args = new ArrayList<>(List.of("template", release, dir.toString(), "--namespace", target.namespace()));
        if (!helm.skipCrds()) {
            args.add("--include-crds");
        }
        if (target.kubeVersion() != null) {
            args.add("--kube-version");
            args.add(target.kubeVersion());
        }
        for (String v : target.apiVersions()) {
            args.add("--api-versions");
            args.add(v);
        }
        args.addAll(values);
        return args;
    }

    /**
     * A valid release name from the given one or the ApplySet's: lower case letters, digits and dashes, at most
     * {@value #MAX_RELEASE_NAME} characters, as Helm requires.
     */
    static String releaseName(String wanted) {
        String name = (wanted == null ? "release" : wanted).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        if (name.length() > MAX_RELEASE_NAME) {
            name = name.substring(0, MAX_RELEASE_NAME);
        }
        name = name.replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "release" : name;
    }

    private static void checkDeterministic(ManifestSource source, String rel, String release, ChartTarget target,
                                           HelmOptions helm, String output, SecretValues secrets, String label, SyncLog log) {
        String revision = source.revision();
        if (source.parseCache() == null || revision == null || revision.equals("unversioned") || revision.endsWith("-dirty")) {
            return; // without a commit the same revision may hold other files
        }
        String inputs = String.join("\n", revision, rel, release, target.namespace(), target.capabilities(),
                secrets.mask(helm.toString()), String.valueOf(helm.values()));
        RenderFingerprints.check(RenderFingerprints.file(source.parseCache()), rel, secrets.mask(inputs), output, secrets,
                label, log);
    }

    private static String describe(HelmOptions helm) {
        StringBuilder s = new StringBuilder();
        if (!helm.valuesFiles().isEmpty()) {
            s.append(", values files ").append(String.join(", ", helm.valuesFiles()));
        }
        if (helm.values() != null) {
            s.append(", inline values");
        }
        int parameters = helm.parameters().size() + helm.secretParameters().size();
        if (parameters > 0) {
            s.append(", ").append(parameters).append(parameters == 1 ? " parameter" : " parameters");
        }
        return s.toString();
    }

    private static String relative(Path realRoot, Path dir) {
        String rel = realRoot.relativize(dir).toString().replace('\\', '/');
        return rel.isEmpty() ? "." : rel;
    }
}
