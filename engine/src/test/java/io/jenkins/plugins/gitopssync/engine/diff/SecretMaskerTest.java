package io.jenkins.plugins.gitopssync.engine.diff;

import static io.jenkins.plugins.gitopssync.engine.diff.NormalizerTest.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    private static final String SAME = "c2FtZS12YWx1ZQ==";
    private static final String OLD = "b2xkLXZhbHVl";
    private static final String NEW = "bmV3LXZhbHVl";
    private static final String GONE = "Z29uZS12YWx1ZQ==";
    private static final String ADDED = "YWRkZWQtdmFsdWU=";

    private static Map<String, Object> secret(Map<String, Object> data, Map<String, Object> stringData, String lastApplied) {
        Map<String, Object> metadata = map("name", "creds", "namespace", "prod");
        if (lastApplied != null) {
            metadata.put("annotations", map("kubectl.kubernetes.io/last-applied-configuration", lastApplied));
        }
        Map<String, Object> s = map("apiVersion", "v1", "kind", "Secret", "metadata", metadata);
        if (data != null) {
            s.put("data", data);
        }
        if (stringData != null) {
            s.put("stringData", stringData);
        }
        return s;
    }

    @Test
    void equalValuesGetTheSameMaskAndDifferentValuesBeforeAfterMarkers() {
        Map<String, Object> live = secret(map("same", SAME, "changed", OLD, "removed", GONE), map("plain", "p4ss"),
                "{\"data\":{\"changed\":\"" + OLD + "\"}}");
        Map<String, Object> desired = secret(map("same", SAME, "changed", NEW, "added", ADDED), map("plain", "p4ss"),
                "{\"data\":{\"changed\":\"" + NEW + "\"}}");

        SecretMasker.Masked masked = SecretMasker.mask(live, desired);

        assertThat((Map<?, ?>) masked.before().get("data")).isEqualTo(map("changed", "*** (before)", "removed", "***", "same", "***"));
        assertThat((Map<?, ?>) masked.after().get("data")).isEqualTo(map("added", "***", "changed", "*** (after)", "same", "***"));
        assertThat((Map<?, ?>) masked.before().get("stringData")).isEqualTo(map("plain", "***"));
        assertThat((Map<?, ?>) masked.after().get("stringData")).isEqualTo(map("plain", "***"));
        assertThat(masked.before().toString()).contains("last-applied-configuration=*** (before)");
        assertThat(masked.after().toString()).contains("last-applied-configuration=*** (after)");
        for (String value : new String[] {SAME, OLD, NEW, GONE, ADDED, "p4ss"}) {
            assertThat(masked.before().toString()).doesNotContain(value);
            assertThat(masked.after().toString()).doesNotContain(value);
        }
        // the inputs are untouched
        assertThat(live.toString()).contains(OLD);
    }

    @Test
    void theDiffOfMaskedSecretsShowsWhichKeysChangedButNoValue() {
        Map<String, Object> live = secret(map("same", SAME, "changed", OLD), null, null);
        Map<String, Object> desired = secret(map("same", SAME, "changed", NEW), null, null);

        SecretMasker.Masked masked = SecretMasker.mask(live, desired);
        String diff = UnifiedDiff.diff("Secret/prod/creds", masked.before(), masked.after());

        assertThat(diff).contains("-  changed: '*** (before)'").contains("+  changed: '*** (after)'");
        assertThat(diff).doesNotContain(SAME).doesNotContain(OLD).doesNotContain(NEW);
        assertThat(diff).contains("   same: '***'");
    }

    @Test
    void identicalSecretsMaskToIdenticalObjects() {
        Map<String, Object> a = secret(map("k", SAME), null, "{}");
        SecretMasker.Masked masked = SecretMasker.mask(a, secret(map("k", SAME), null, "{}"));

        assertThat(masked.before()).isEqualTo(masked.after());
        assertThat(UnifiedDiff.diff("x", masked.before(), masked.after())).isEmpty();
    }

    @Test
    void singleObjectAndAbsentSidesAreMasked() {
        Map<String, Object> created = secret(map("k", SAME), map("s", "plain"), null);

        assertThat(SecretMasker.mask(created).toString()).doesNotContain(SAME).doesNotContain("plain");
        SecretMasker.Masked masked = SecretMasker.mask(null, created);
        assertThat(masked.before()).isNull();
        assertThat((Map<?, ?>) masked.after().get("data")).isEqualTo(map("k", "***"));
    }

    @Test
    void malformedDataIsMaskedWhole() {
        Map<String, Object> s = secret(null, null, null);
        s.put("data", "not-a-map-but-secret");

        assertThat(SecretMasker.mask(s).get("data")).isEqualTo("***");
    }

    @Test
    void otherKindsAreLeftAlone() {
        Map<String, Object> cm = map("apiVersion", "v1", "kind", "ConfigMap", "data", map("k", "visible"));

        SecretMasker.Masked masked = SecretMasker.mask(cm, cm);
        assertThat(masked.before()).isSameAs(cm);
        assertThat(SecretMasker.mask(cm)).isSameAs(cm);
    }
}
