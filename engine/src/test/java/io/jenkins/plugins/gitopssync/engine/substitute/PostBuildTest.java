package io.jenkins.plugins.gitopssync.engine.substitute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Post-build substitution of whole objects, with the examples of Flux's Kustomization spec. */
class PostBuildTest {

    private static GenericKubernetesResource object(String yaml) throws Exception {
        Map<?, ?> map = io.jenkins.plugins.gitopssync.engine.goyaml.GoYaml.read(yaml);
        return JsonMapper.builder().build().convertValue(map, GenericKubernetesResource.class);
    }

    @Test
    void theSpecsNamespaceExample() throws Exception {
        GenericKubernetesResource ns = object("""
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: apps
                  labels:
                    environment: ${cluster_env:=dev}
                    region: "${cluster_region}"
                """);
        GenericKubernetesResource out = PostBuild.substitute(ns, Map.of("cluster_env", "prod", "cluster_region",
                "eu-central-1"), true);
        assertThat(out.getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(
                Map.of("environment", "prod", "region", "eu-central-1"));
        GenericKubernetesResource dflt = PostBuild.substitute(ns, Map.of("cluster_region", "us-east-1"), true);
        assertThat(dflt.getMetadata().getLabels()).containsEntry("environment", "dev");
    }

    @Test
    void numbersAndBooleansAsTheSpecDescribesThem() throws Exception {
        GenericKubernetesResource cm = object("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: app
                  annotations:
                    id: ${quote}${id}${quote}
                spec:
                  replicas: ${replicas}
                  paused: ${enabled}
                """);
        GenericKubernetesResource out = PostBuild.substitute(cm, Map.of("quote", "\"", "id", "123", "replicas", "3",
                "enabled", "false"), true);
        Map<String, Object> spec = (Map<String, Object>) out.getAdditionalProperties().get("spec");
        assertThat(spec.get("replicas")).as("a number, as in Flux").isEqualTo(3L);
        assertThat(spec.get("paused")).isEqualTo(false);
        assertThat(out.getMetadata().getAnnotations()).containsEntry("id", "123");
    }

    @Test
    void theDisabledLabelOrAnnotationLeavesTheObjectAlone() throws Exception {
        for (String where : List.of("labels", "annotations")) {
            GenericKubernetesResource cm = object("""
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: script
                      %s:
                        kustomize.toolkit.fluxcd.io/substitute: disabled
                    data:
                      run.sh: echo ${HOME} ${undefined}
                    """.formatted(where));
            assertThat(PostBuild.substitute(cm, Map.of("HOME", "/root"), true)).isSameAs(cm);
        }
    }

    @Test
    void strictModeNamesTheVariable() throws Exception {
        GenericKubernetesResource cm = object("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  url: https://${host}/api
                """);
        assertThatThrownBy(() -> PostBuild.substitute(cm, Map.of("other", "x"), true))
                .hasMessageStartingWith("variable 'host' is not defined (strict substitution");
        GenericKubernetesResource lenient = PostBuild.substitute(cm, Map.of("other", "x"), false);
        assertThat(lenient.getAdditionalProperties().get("data")).isEqualTo(Map.of("url", "https:///api"));
    }

    @Test
    void invalidVariableNamesAreRefusedAsFluxRefusesThem() {
        assertThat(Substitution.invalidName(List.of("ok_1", "_x", "1bad"))).isEqualTo("1bad");
        assertThat(Substitution.invalidName(List.of("dash-ed"))).isEqualTo("dash-ed");
        assertThat(Substitution.invalidName(Set.of("fine"))).isNull();
    }

    @Test
    void substituteFromEntriesParse() {
        assertThat(SubstituteFrom.parse("configmap/cluster-vars")).isEqualTo(
                new SubstituteFrom(SubstituteFrom.Kind.CONFIG_MAP, "cluster-vars", false));
        assertThat(SubstituteFrom.parse("Secret/cluster-secret-vars?")).isEqualTo(
                new SubstituteFrom(SubstituteFrom.Kind.SECRET, "cluster-secret-vars", true));
        assertThatThrownBy(() -> SubstituteFrom.parse("deployment/x")).hasMessageContaining("is not configmap/NAME or secret/NAME");
    }
}
