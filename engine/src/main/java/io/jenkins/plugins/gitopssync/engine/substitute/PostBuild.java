package io.jenkins.plugins.gitopssync.engine.substitute;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.jenkins.plugins.gitopssync.engine.goyaml.GoYaml;
import io.jenkins.plugins.gitopssync.engine.goyaml.YamlTreeException;
import java.util.Map;

/**
 * Flux's post-build substitution of one object: its YAML text (as go-yaml writes it) has its expressions
 * evaluated and is read back, so a variable may become a number or a boolean as in Flux. An object
 * labelled or annotated {@code kustomize.toolkit.fluxcd.io/substitute: disabled} is returned as it is.
 */
public final class PostBuild {

    public static final String DISABLE_KEY = "kustomize.toolkit.fluxcd.io/substitute";
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    /** Why an object could not be substituted; names the variable, never a value. */
    public static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    private PostBuild() {
    }

    @SuppressWarnings("unchecked")
    public static GenericKubernetesResource substitute(GenericKubernetesResource object, Map<String, String> vars,
                                                       boolean strict) throws Failure {
        if (disabled(object)) {
            return object;
        }
        Map<String, Object> map = MAPPER.convertValue(object, Map.class);
        String text;
        try {
            text = Envsubst.eval(GoYaml.write(map), name -> vars.containsKey(name) ? vars.get(name) : strict ? null : "");
        } catch (Envsubst.UndefinedVariable e) {
            throw new Failure(e.getMessage() + " (strict substitution: define it, give a default as ${" + e.name()
                    + ":=value}, or turn strict off)");
        } catch (SubstitutionException e) {
            throw new Failure(e.getMessage());
        }
        try {
            return MAPPER.convertValue(GoYaml.read(text), GenericKubernetesResource.class);
        } catch (YamlTreeException e) {
            throw new Failure("the substituted object is no longer valid YAML (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) { // not quoted: the message may hold a value
            throw new Failure("the substituted object is no longer a valid Kubernetes object");
        }
    }

    private static boolean disabled(GenericKubernetesResource object) {
        var meta = object.getMetadata();
        return meta != null && ("disabled".equals(value(meta.getLabels())) || "disabled".equals(value(meta.getAnnotations())));
    }

    private static String value(Map<String, String> map) {
        return map == null ? null : map.get(DISABLE_KEY);
    }
}
