package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.engine.report.InventoryStatus;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fast path (`status`, no source, no dry run) and the dry run (`diff`) call the same objects drifted:
 * an out-of-band change to a field Git does not set is drift for neither; a change to one it sets is
 * drift for both, including a Secret value Git sets through stringData.
 */
class StatusAgreesWithDiffClusterTest extends ClusterTestBase {

    @Test
    void statusAndDiffAgreeOnWhatDriftIs() throws Exception {
        repo.write("cm.yaml", Manifests.configMap("settings", "mode", "git"))
                .write("secret.yaml", Manifests.secret("creds", "from-git"))
                .write("sa.yaml", "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: runner\n");
        repo.commit("three objects");
        assertThat(sync().status()).isEqualTo(SyncStatus.Synced);

        // fields Git does not set: a label, an annotation, a data key of its own
        client.configMaps().inNamespace(ns).withName("settings").edit(cm -> {
            cm.getMetadata().getLabels().put("team", "ops");
            cm.getData().put("added-by-hand", "x");
            return cm;
        });
        client.serviceAccounts().inNamespace(ns).withName("runner").edit(sa -> {
            sa.getMetadata().setAnnotations(new java.util.HashMap<>(java.util.Map.of("note", "by hand")));
            return sa;
        });
        assertThat(drifted(status())).isEmpty();
        assertThat(drifted(diff())).isEmpty();

        // fields Git sets: a ConfigMap value, and a Secret value set through stringData
        client.configMaps().inNamespace(ns).withName("settings").edit(cm -> {
            cm.getData().put("mode", "hand");
            return cm;
        });
        client.secrets().inNamespace(ns).withName("creds").edit(s -> {
            s.getData().put("password", Base64.getEncoder().encodeToString("by-hand".getBytes(StandardCharsets.UTF_8)));
            return s;
        });
        List<String> expected = List.of("ConfigMap/" + ns + "/settings", "Secret/" + ns + "/creds");
        assertThat(drifted(status())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(drifted(diff())).containsExactlyInAnyOrderElementsOf(expected);

        // a sync corrects both, and then neither sees drift
        assertThat(sync().totals().drifted()).isEqualTo(2);
        assertThat(drifted(status())).isEmpty();
        assertThat(drifted(diff())).isEmpty();
    }

    private InventoryStatus status() {
        return engine.status(applySet, ns);
    }

    private SyncResult diff() {
        return sync(b -> b.dryRun(true));
    }

    private static List<String> drifted(InventoryStatus s) {
        return s.drifted().stream().map(ObjectResult::displayName).sorted().toList();
    }

    private static List<String> drifted(SyncResult r) {
        return r.objects().stream().filter(ObjectResult::drift).map(ObjectResult::displayName).sorted().toList();
    }
}
