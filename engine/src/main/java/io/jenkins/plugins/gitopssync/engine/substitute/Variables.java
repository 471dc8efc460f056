package io.jenkins.plugins.gitopssync.engine.substitute;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.cluster.KubeApi;
import io.jenkins.plugins.gitopssync.engine.cluster.ResourceInfo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The variables of a {@link Substitution}, in Flux's precedence: each {@code substituteFrom} object in
 * order (later ones override), then the {@code substitute} values over all of them. Line breaks are
 * removed from values, as Flux does. Secret values (from Secrets, or named secret) go to {@code secrets}.
 */
public final class Variables {

    private static final ResourceInfo CONFIG_MAPS = new ResourceInfo("", "v1", "ConfigMap", "configmaps", true);
    private static final ResourceInfo SECRETS = new ResourceInfo("", "v1", "Secret", "secrets", true);

    private Variables() {
    }

    /** @param api null when there is no cluster (a render only): then {@code from} must be empty */
    public static Map<String, String> resolve(Substitution s, KubeApi api, String namespace, Consumer<String> secrets) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (SubstituteFrom from : s.from()) {
            if (api == null) {
                throw new SyncException("substituteFrom " + from + " needs the cluster; a render without one can use"
                        + " substitute values only");
            }
            boolean secret = from.kind() == SubstituteFrom.Kind.SECRET;
            Map<String, Object> object = api.get(secret ? SECRETS : CONFIG_MAPS, namespace, from.name());
            if (object == null) {
                if (from.optional()) {
                    continue;
                }
                throw new SyncException("substituteFrom " + from + " does not exist in namespace " + namespace
                        + "; nothing was applied (mark it optional to sync without it)");
            }
            if (object.get("data") instanceof Map<?, ?> data) {
                data.forEach((k, v) -> {
                    String value = secret ? new String(Base64.getDecoder().decode(String.valueOf(v)), StandardCharsets.UTF_8)
                            : String.valueOf(v);
                    value = value.replace("\n", "");
                    if (secret) {
                        secrets.accept(value);
                    }
                    vars.put(String.valueOf(k), value);
                });
            }
        }
        s.values().forEach((k, v) -> {
            String value = v.replace("\n", "");
            if (s.secretNames().contains(k)) {
                secrets.accept(value);
            }
            vars.put(k, value);
        });
        String bad = Substitution.invalidName(vars.keySet());
        if (bad != null) {
            throw new SyncException("substitution variable '" + bad + "': the name must match "
                    + Substitution.NAME.pattern() + " (letters, digits and _, not starting with a digit)");
        }
        return vars;
    }
}
