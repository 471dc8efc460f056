package io.jenkins.plugins.gitopssync.engine.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import org.junit.jupiter.api.Test;

class KubeconfigContextTest {

    static final String TWO_CONTEXTS = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: staging
              cluster: {server: "https://staging.example:6443", certificate-authority-data: Q0E=}
            - name: prod
              cluster: {server: "https://prod.example:6443", certificate-authority: /etc/prod-ca.crt}
            users:
            - name: ci
              user: {token: abc}
            - name: cloud
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: aws
                  args: [eks, get-token]
                client-key: /home/ci/key.pem
            contexts:
            - name: staging
              context: {cluster: staging, user: ci, namespace: apps}
            - name: prod
              context: {cluster: prod, user: cloud}
            current-context: staging
            """;

    private static Kubeconfig parse(String yaml) {
        return KubeconfigReader.parse(yaml, "the kubeconfig", null);
    }

    @Test
    void theCurrentContextUnlessOneIsNamed() {
        Kubeconfig k = parse(TWO_CONTEXTS);

        KubeconfigContext current = KubeconfigContext.select(k, null, "the kubeconfig");
        assertThat(current.name()).isEqualTo("staging");
        assertThat(current.server()).isEqualTo("https://staging.example:6443");
        assertThat(current.namespace()).isEqualTo("apps");
        assertThat(current.userName()).isEqualTo("ci");

        KubeconfigContext prod = KubeconfigContext.select(k, "prod", "the kubeconfig");
        assertThat(prod.server()).isEqualTo("https://prod.example:6443");
        assertThat(prod.userName()).isEqualTo("cloud");
    }

    @Test
    void aMissingContextIsAnErrorListingThoseThereAre() {
        assertThatThrownBy(() -> KubeconfigContext.select(parse(TWO_CONTEXTS), "production", "the kubeconfig credential 'k'"))
                .isInstanceOf(SyncException.class)
                .hasMessage("context 'production' not found in the kubeconfig credential 'k' (contexts: prod, staging)");
        assertThatThrownBy(() -> KubeconfigContext.select(parse(TWO_CONTEXTS.replace("current-context: staging",
                "current-context: gone")), null, "the kubeconfig"))
                .hasMessage("current-context 'gone' not found in the kubeconfig (contexts: prod, staging)");
    }

    @Test
    void whatAContextNeedsIsToldWithoutRunningOrReadingAnything() {
        Kubeconfig k = parse(TWO_CONTEXTS);

        assertThat(KubeconfigNeeds.of(KubeconfigContext.select(k, "staging", "k")).inert()).isTrue();
        KubeconfigNeeds prod = KubeconfigNeeds.of(KubeconfigContext.select(k, "prod", "k"));
        assertThat(prod.exec()).isEqualTo("aws");
        assertThat(prod.files()).containsExactly("clusters[prod].certificate-authority", "users[cloud].client-key");
        assertThat(prod.describe()).isEqualTo("runs the exec plugin 'aws', reads files "
                + "(clusters[prod].certificate-authority, users[cloud].client-key)");
    }

    @Test
    void theControllersPolicyRefusesEachAndNamesIt() {
        KubeconfigNeeds prod = KubeconfigNeeds.of(KubeconfigContext.select(parse(TWO_CONTEXTS), "prod", "k"));

        assertThatThrownBy(() -> KubeconfigPolicy.TEXT_ONLY.check(prod, "the kubeconfig credential 'k'", "on the Jenkins controller"))
                .isInstanceOf(KubeconfigPolicy.RefusedKubeconfigException.class)
                .hasMessage("the kubeconfig credential 'k' is not used on the Jenkins controller: it runs the exec plugin 'aws',"
                        + " it reads files (clusters[prod].certificate-authority, users[cloud].client-key)");
        KubeconfigPolicy.TRUSTED.check(prod, "k", "here");
        new KubeconfigPolicy(true, true, false, false).check(prod, "k", "here");
        assertThatThrownBy(() -> new KubeconfigPolicy(true, false, true, true).check(prod, "k", "here"))
                .hasMessageContaining("it reads files").hasMessageNotContaining("exec");
        assertThatThrownBy(() -> KubeconfigPolicy.TEXT_ONLY.checkInCluster("on the Jenkins controller"))
                .hasMessageContaining("in-cluster service account is not used on the Jenkins controller");
    }

    @Test
    void brokenKubeconfigsAreToldByPositionAndNeverQuoted() {
        String secret = "s3cr3tT0ken";
        assertThatThrownBy(() -> parse("users:\n- name: a\n  user:\n    token: " + secret + "\n   bad: [x\n"))
                .hasMessageStartingWith("the kubeconfig is not valid YAML: error at line")
                .hasMessageNotContaining(secret);
        assertThatThrownBy(() -> parse("users: \"" + secret + "\"\n")).hasMessage("the kubeconfig: 'users' is not a list");
        assertThatThrownBy(() -> parse("- " + secret + "\n")).hasMessageContaining("top level is not a mapping")
                .hasMessageNotContaining(secret);
        assertThatThrownBy(() -> parse("  \n")).hasMessage("the kubeconfig is empty");
    }
}
