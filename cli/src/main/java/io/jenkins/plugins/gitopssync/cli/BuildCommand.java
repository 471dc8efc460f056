package io.jenkins.plugins.gitopssync.cli;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.gitopssync.engine.GitOpsSync;
import io.jenkins.plugins.gitopssync.engine.diff.SecretMasker;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.render.ChartTarget;
import io.jenkins.plugins.gitopssync.engine.render.Manifest;
import io.jenkins.plugins.gitopssync.engine.render.RenderOptions;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gitops-sync build}: render and print the YAML, no cluster needed. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Render the manifests (plain YAML, Kustomize or a Helm chart) and print them as one YAML stream, each "
                + "document headed by its source file:line. Secret values, and values decrypted from sops files, are "
                + "masked unless --show-secrets.",
                "Exit code: 0 rendered, 2 error."})
final class BuildCommand extends RenderCommand {

    @Option(names = "--show-secrets", description = "Print Secret values as they are in Git.")
    boolean showSecrets;

    @Option(names = "--uncommitted",
            description = "Render the files of a local working copy as they are, uncommitted edits included.")
    boolean uncommitted;

    @Override
    public Integer call() {
        Environment env = parent.env();
        Console console = env.console(output);
        RefOption.Checkout checkout = ref.checkout(env, console, source, uncommitted, signatures);
        ManifestSource manifests = checkout.source();
        if (checkout.signatureCheck() != null) {
            GitOpsSync.verify(checkout.signatureCheck(), new ConsoleSyncLog(console));
        }
        RenderOptions options = render.options(env);
        // a chart renders with the release name and namespace a sync would give it, and Helm's default capabilities
        ChartTarget target = ChartTarget.offline(applySet.name(source, env), applySet.namespace);
        List<Manifest> rendered;
        try {
            rendered = GitOpsSync.render(manifests, options, target, new ConsoleSyncLog(console)).manifests();
        } catch (RuntimeException e) {
            throw new SyncException(options.secrets().mask(e.getMessage())); // not chained: the cause may quote a value
        }
        StringBuilder yaml = new StringBuilder();
        for (Manifest m : rendered) {
            yaml.append("---\n# Source: ").append(m.location()).append('\n').append(toYaml(m, options));
        }
        console.product(yaml.toString());
        return ExitCodes.OK;
    }

    @SuppressWarnings("unchecked")
    private String toYaml(Manifest m, RenderOptions options) {
        Map<String, Object> object = Serialization.jsonMapper().convertValue(m.object(), Map.class);
        if (!showSecrets && "Secret".equals(m.object().getKind())) {
            object = SecretMasker.mask(object);
        }
        if (!showSecrets) { // decrypted and secret values, in whatever kind of object they ended up
            object = (Map<String, Object>) options.secrets().maskDeep(object);
        }
        return YamlWriter.write(object);
    }
}
