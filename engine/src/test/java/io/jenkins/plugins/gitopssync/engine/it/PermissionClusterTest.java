package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.jenkins.plugins.gitopssync.engine.GitOpsSync;
import io.jenkins.plugins.gitopssync.engine.RecordingLog;
import io.jenkins.plugins.gitopssync.engine.cluster.ClusterAccess;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import org.junit.jupiter.api.Test;

/** The unprivileged token: clear permission errors naming the verb, the resource and the object. */
class PermissionClusterTest extends ClusterTestBase {

    @Test
    void tokenWithoutRightsGetsAPermissionErrorAndChangesNothing() throws Exception {
        repo.write("cm.yaml", Manifests.configMap("settings", "a", "1"));
        repo.commit("one config map");
        try (ClusterAccess unprivileged = unprivileged()) {
            GitOpsSync engine = new GitOpsSync(unprivileged, new RecordingLog());
            SyncResult sync = engine.sync(request(".").build());
            assertThat(sync.status()).isEqualTo(SyncStatus.Failed);
            assertThat(sync.errors()).singleElement().asString()
                    .startsWith("permission denied: cannot create leases.coordination.k8s.io in namespace " + ns);
            SyncResult diff = engine.sync(request(".").dryRun(true).build());
            assertThat(diff.errors()).singleElement().asString()
                    .contains("permission denied: cannot get secrets in namespace " + ns)
                    .contains("ApplySet parent Secret/" + ns + "/" + applySet);
        }
        assertThat(client.configMaps().inNamespace(ns).withName("settings").get()).isNull();
    }

    @Test
    void missingPatchRightNamesTheObjectAndItsFile() throws Exception {
        // rights for everything the sync needs except writing Deployments
        client.rbac().roles().inNamespace(ns).resource(new RoleBuilder().withNewMetadata().withName("syncer").endMetadata()
                .withRules(new PolicyRuleBuilder().withApiGroups("").withResources("configmaps", "secrets")
                                .withVerbs("get", "list", "create", "patch", "update", "delete").build(),
                        new PolicyRuleBuilder().withApiGroups("coordination.k8s.io").withResources("leases")
                                .withVerbs("get", "create", "update", "delete").build(),
                        new PolicyRuleBuilder().withApiGroups("apps").withResources("deployments")
                                .withVerbs("get", "list").build())
                .build()).create();
        client.rbac().roleBindings().inNamespace(ns).resource(new RoleBindingBuilder().withNewMetadata()
                .withName("syncer").endMetadata().withNewRoleRef("rbac.authorization.k8s.io", "Role", "syncer")
                .addNewSubject().withKind("User").withName(TestCluster.UNPRIVILEGED_USER)
                .withApiGroup("rbac.authorization.k8s.io").endSubject().build()).create();
        repo.write("cm.yaml", Manifests.configMap("settings", "a", "1"))
                .write("apps/web.yaml", Manifests.deployment("web", 1, "nginx:1.27"));
        repo.commit("config map and deployment");

        try (ClusterAccess unprivileged = unprivileged()) {
            SyncResult r = new GitOpsSync(unprivileged, new RecordingLog()).sync(request(".").build());
            assertThat(r.status()).isEqualTo(SyncStatus.Failed);
            ObjectResult web = object(r, "Deployment", "web");
            assertThat(web.action()).isEqualTo(Action.FAILED);
            assertThat(web.error()).isEqualTo("permission denied: cannot patch deployments.apps in namespace " + ns
                    + " (Deployment/" + ns + "/web from apps/web.yaml:1)");
            assertThat(object(r, "ConfigMap", "settings").action()).isEqualTo(Action.CREATED);
        }
        assertThat(client.apps().deployments().inNamespace(ns).withName("web").get()).isNull();
    }
}
