package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.config.SubstitutionChecks;
import io.jenkins.plugins.gitopssync.config.SyncSpec;
import io.jenkins.plugins.gitopssync.engine.decrypt.Decryption;
import io.jenkins.plugins.gitopssync.engine.decrypt.DecryptionKeys;
import io.jenkins.plugins.gitopssync.engine.render.RenderOptions;
import io.jenkins.plugins.gitopssync.engine.substitute.Substitution;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * What a render needs from credentials, taken from the controller to the agent with the sync (never
 * saved): the text of each decryption keys credential and the values of secret substitution variables.
 * {@link #toString()} names credential ids and variable names only.
 */
@Restricted(NoExternalUse.class)
public final class RenderSecrets implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Credential id → its text (age identities and/or armored OpenPGP private keys). */
    private final Map<String, String> keys;
    /** Variable name → secret value. */
    private final Map<String, String> variables;

    RenderSecrets(Map<String, String> keys, Map<String, String> variables) {
        this.keys = new LinkedHashMap<>(keys);
        this.variables = new LinkedHashMap<>(variables);
    }

    public static RenderSecrets none() {
        return new RenderSecrets(Map.of(), Map.of());
    }

    /** The engine's render options of {@code spec}, with these keys and secret values (on the agent). */
    public RenderOptions options(SyncSpec spec) {
        DecryptionKeys decryptionKeys = DecryptionKeys.none();
        for (Map.Entry<String, String> e : keys.entrySet()) {
            decryptionKeys = decryptionKeys.with(DecryptionKeys.parse(e.getValue(), Messages.CredentialResolver_OfCredential(e.getKey())));
        }
        Map<String, String> values = new LinkedHashMap<>(SubstitutionChecks.pairs(spec.substitute(), "substitute"));
        values.putAll(variables);
        Substitution substitution = new Substitution(values, variables.keySet(),
                SubstitutionChecks.sources(spec.substituteFrom()), spec.strictSubstitution());
        return RenderOptions.defaults().withDecryption(new Decryption(decryptionKeys, !spec.skipMacCheck()))
                .withSubstitution(substitution);
    }

    @Override
    public String toString() {
        return "RenderSecrets[keys of " + List.copyOf(keys.keySet()) + ", secret variables " // NOI18N
                + List.copyOf(variables.keySet()) + "]";
    }
}
