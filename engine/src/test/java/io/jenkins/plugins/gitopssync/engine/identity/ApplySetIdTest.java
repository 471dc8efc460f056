package io.jenkins.plugins.gitopssync.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApplySetIdTest {

    /** Expected values computed independently: base64url(sha256("name.namespace.Secret.")) without padding. */
    @ParameterizedTest
    @CsvSource({
        "shop, prod, applyset-3eMhxrmWrshVG4P3vsSrKe_d4pE71qwAY-JhFz25mc0-v1",
        "my-set, default, applyset-kdySOVBWs584aaOTmku9Ul1xDuN7LXBjs-R96jQcisk-v1"})
    void idFollowsKubectlFormat(String name, String namespace, String expected) {
        assertThat(ApplySetId.of(name, namespace)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"kubectl/v1.32.4, kubectl", "gitops-sync/1.0.0, gitops-sync", "helm, helm", "a/b/v1, a/b"})
    void toolNameIsWhatKubectlCompares(String tooling, String name) {
        assertThat(ApplySetId.toolName(tooling)).isEqualTo(name);
    }
}
