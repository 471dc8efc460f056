package io.jenkins.plugins.gitopssync.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObjectRefTest {

    @Test
    void aCrdIsKnownByGroupAndKindInAnyVersion() {
        assertThat(ObjectRef.of("apiextensions.k8s.io/v1", "CustomResourceDefinition", "", "widgets.x.io").isCrd()).isTrue();
        assertThat(ObjectRef.of("apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", "", "w").isCrd()).isTrue();
        assertThat(ObjectRef.of("example.io/v1", "CustomResourceDefinition", "", "w").isCrd()).as("another group").isFalse();
        assertThat(ObjectRef.of("apiextensions.k8s.io/v1", "Widget", "", "w").isCrd()).isFalse();
        assertThat(ObjectRef.isCrd(null, null)).isFalse();
    }

    @Test
    void keysIgnoreTheVersionAndMessagesNameTheNamespace() {
        ObjectRef v1 = ObjectRef.of("apps/v1", "Deployment", "shop", "web");
        assertThat(v1.key()).isEqualTo(ObjectRef.of("apps/v1beta2", "Deployment", "shop", "web").key());
        assertThat(v1.toString()).isEqualTo("Deployment/shop/web");
        assertThat(ObjectRef.of("v1", "Namespace", "", "shop").toString()).isEqualTo("Namespace/shop");
        assertThat(v1.groupKind()).isEqualTo("Deployment.apps");
    }
}
