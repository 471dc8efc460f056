package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.decrypt.Decryption;
import io.jenkins.plugins.gitopssync.engine.mask.SecretValues;
import io.jenkins.plugins.gitopssync.engine.process.Tools;
import io.jenkins.plugins.gitopssync.engine.substitute.Substitution;
import java.util.Map;

/**
 * How a source is rendered, beside what it is ({@link io.jenkins.plugins.gitopssync.engine.source.ManifestSource}):
 * the programs a render may run and where they run, how a chart is rendered, how sops files are decrypted, and
 * Flux's post-build substitution.
 *
 * @param tools        kubectl (Kustomize) and helm, and the runner that starts them
 * @param helm         release name, values and the other options of a chart's render
 * @param decryption   keys for sops-encrypted files (none: an encrypted file fails the render, naming it)
 * @param substitution the variables substituted after the build (none: nothing is substituted)
 * @param variables    the substitution's variables once resolved against the cluster (a sync does that
 *                     before it renders); null: resolved from the substitution's own values
 * @param secrets      where the render puts the values that must be masked (decrypted values, secret
 *                     variables, secret chart parameters); the sync masks its log, result and report with them
 */
public record RenderOptions(Tools tools, HelmOptions helm, Decryption decryption, Substitution substitution,
                            Map<String, String> variables, SecretValues secrets) {

    public RenderOptions {
        tools = tools == null ? Tools.local() : tools;
        helm = helm == null ? HelmOptions.DEFAULT : helm;
        decryption = decryption == null ? Decryption.none() : decryption;
        substitution = substitution == null ? Substitution.none() : substitution;
        variables = variables == null ? null : Map.copyOf(variables);
        secrets = secrets == null ? new SecretValues() : secrets;
    }

    public RenderOptions(Tools tools, HelmOptions helm) {
        this(tools, helm, null, null, null, null);
    }

    public RenderOptions(Tools tools) {
        this(tools, null);
    }

    /** This process's environment, the default programs, no chart options, no decryption, no substitution. */
    public static RenderOptions defaults() {
        return new RenderOptions(Tools.local());
    }

    public RenderOptions withTools(Tools t) {
        return new RenderOptions(t, helm, decryption, substitution, variables, secrets);
    }

    public RenderOptions withHelm(HelmOptions h) {
        return new RenderOptions(tools, h, decryption, substitution, variables, secrets);
    }

    public RenderOptions withDecryption(Decryption d) {
        return new RenderOptions(tools, helm, d, substitution, variables, secrets);
    }

    public RenderOptions withSubstitution(Substitution s) {
        return new RenderOptions(tools, helm, decryption, s, variables, secrets);
    }

    public RenderOptions withVariables(Map<String, String> resolved) {
        return new RenderOptions(tools, helm, decryption, substitution, resolved, secrets);
    }
}
