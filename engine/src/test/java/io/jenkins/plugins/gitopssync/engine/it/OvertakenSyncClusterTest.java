package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gitopssync.engine.Progress;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetId;
import io.jenkins.plugins.gitopssync.engine.lease.SyncLease;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.testsupport.Eventually;
import io.jenkins.plugins.gitopssync.testsupport.Kubectl;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kill/pause/resume matrix. A set of a hundred objects is synced; then sync A (in its own JVM, one
 * for all cases) moves it to a new revision with new kinds and a second namespace, and is frozen (SIGSTOP:
 * all its threads, its lease renewer too) at one point of its run. While it is frozen, its lease runs out and
 * sync B takes it over and syncs a revision without A's new kinds, pruning A's objects and narrowing
 * the parent. Then A resumes, and finishes however it can. Two ways of overtaking: the lease really
 * expires (A's own clock sees the stall), or B's clock runs ahead of A's (the lease's renew time is moved
 * back, so A's clock believes its lease fresh and keeps writing until a batch boundary asks the server).
 *
 * <p>After A: every object labelled part-of the set (in any served kind, any namespace) is of a kind and
 * in a namespace the parent lists, so a prune can find it. Then sync C, whose Git drops everything but one
 * ConfigMap, leaves exactly that ConfigMap labelled part-of the set.
 */
class OvertakenSyncClusterTest extends ClusterTestBase {

    // A applies them in this order: ServiceAccounts, Roles, ConfigMaps (one stage after the ClusterRole's)
    // and then prunes the Secrets; enough of each that A is paused with writes of the same batch left
    private static final int SERVICE_ACCOUNTS = 24;
    private static final int ROLES = 16;
    private static final int CONFIG_MAPS = 80;
    private static final int SECRETS = 20;
    /** A's lease when it is to expire for real: the shortest a Lease can say (whole seconds), so each case waits a second. */
    private static final int SHORT_LEASE_SECONDS = 1;

    enum Overtake { LEASE_EXPIRED, CLOCK_AHEAD }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        String amidServiceAccounts = Progress.applying(1 + SERVICE_ACCOUNTS / 2);
        String amidConfigMaps = Progress.applying(1 + SERVICE_ACCOUNTS + ROLES + CONFIG_MAPS / 4);
        String amidPrune = Progress.pruning(SECRETS / 5);
        for (String point : List.of(Progress.LEASED, Progress.READ, Progress.WIDENED, amidServiceAccounts, amidConfigMaps,
                Progress.APPLIED, amidPrune, Progress.PRUNED)) {
            for (Overtake how : Overtake.values()) {
                cases.add(Arguments.of(point, how));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "paused at {0}, overtaken: {1}")
    @MethodSource("matrix")
    void anOvertakenSyncLeavesNothingThatTheNextPruneCannotFind(String pausePoint, Overtake how) throws Exception {
        String ns2 = TestCluster.unique("gs2");
        cluster.createNamespace(ns2);
        String clusterRole = "gs-reader-" + ns;
        cleanup.add(() -> client.rbac().clusterRoles().withName(clusterRole).delete());
        writeRevisions(ns2, clusterRole);
        repo.commit("four revisions of one set, one per directory");

        SyncResult first = engine.sync(request("s0").build());
        assertThat(first.errors()).isEmpty();
        assertThat(first.totals().created()).isEqualTo(CONFIG_MAPS + SECRETS);

        int leaseSeconds = how == Overtake.LEASE_EXPIRED ? SHORT_LEASE_SECONDS : 60;
        Child a = Child.running();
        a.sync(repo.dir(), repo.head(), "a", applySet, ns, pausePoint, leaseSeconds);
        boolean finished = false;
        try {
            assertThat(a.paused.await(120, TimeUnit.SECONDS)).as("A reached %s: %s", pausePoint, a.output()).isTrue();
            a.signal("STOP");
            a.resumeWhenContinued();
            overtake(how);

            SyncResult b = engine.sync(request("b").build());
            assertThat(b.status()).as("B: %s", b.errors()).isEqualTo(SyncStatus.Synced);
            assertThat(b.warnings()).anyMatch(w -> w.contains("taking over the expired lease"));
            a.signal("CONT");
            assertThat(a.finished.await(120, TimeUnit.SECONDS)).as(a.output()).isTrue();
            finished = true;
        } finally {
            if (!finished) {
                a.stop(); // stopped or still syncing: the next case starts a new one
            }
        }
        String result = a.result();
        assertThat(result).as(a.output()).startsWith("result Failed")
                .containsAnyOf("lost the lease", "was changed by another sync");

        // the invariant: whatever A wrote after it was overtaken, the parent lists its kind and namespace
        List<String> members = membersOfTheSet();
        Secret parent = client.secrets().inNamespace(ns).withName(applySet).get();
        Set<String> kinds = csv(parent.getMetadata().getAnnotations().get(ApplySetId.GROUP_KINDS_ANNOTATION));
        Set<String> namespaces = csv(parent.getMetadata().getAnnotations().get(ApplySetId.NAMESPACES_ANNOTATION));
        namespaces.add(ns);
        List<String> invisible = members.stream().filter(m -> !kinds.contains(groupKind(m))
                || (!namespace(m).isEmpty() && !namespaces.contains(namespace(m)))).toList();
        assertThat(invisible).as("labelled part-of the set but not listed by its parent (kinds %s, namespaces %s)",
                kinds, namespaces).isEmpty();

        SyncResult c = engine.sync(request("c").build());
        assertThat(c.status()).as("C: %s", c.errors()).isEqualTo(SyncStatus.Synced);
        assertThat(membersOfTheSet()).containsExactly("ConfigMap//" + ns + "/keep");

        // once the displaced sync's grace period is over, the parent narrows to what is there
        expireDisplacedSyncs(applySet);
        engine.sync(request("c").build());
        assertThat(client.secrets().inNamespace(ns).withName(applySet).get().getMetadata().getAnnotations())
                .containsEntry(ApplySetId.GROUP_KINDS_ANNOTATION, "ConfigMap");
    }

    private void writeRevisions(String ns2, String clusterRole) throws IOException {
        StringBuilder s0 = new StringBuilder();
        StringBuilder a = new StringBuilder("""
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: %s
                rules:
                - apiGroups: [""]
                  resources: ["configmaps"]
                  verbs: ["get"]
                """.formatted(clusterRole));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < CONFIG_MAPS; i++) {
            s0.append("---\n").append(Manifests.configMap("cm-" + i, "rev", "s0"));
            a.append("---\n").append(Manifests.configMap("cm-" + i, "rev", "a"));
            if (i < CONFIG_MAPS / 2) {
                b.append("---\n").append(Manifests.configMap("cm-" + i, "rev", "b"));
            }
        }
        for (int i = 0; i < SECRETS; i++) {
            s0.append("---\n").append(Manifests.secret("sec-" + i, "s0-value-" + i));
            if (i < SECRETS / 2) {
                b.append("---\n").append(Manifests.secret("sec-" + i, "b-value-" + i));
            }
        }
        for (int i = 0; i < SERVICE_ACCOUNTS; i++) {
            a.append("---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa-").append(i).append('\n');
        }
        for (int i = 0; i < ROLES; i++) {
            a.append("""
                    ---
                    apiVersion: rbac.authorization.k8s.io/v1
                    kind: Role
                    metadata:
                      name: role-%d
                      namespace: %s
                    rules:
                    - apiGroups: [""]
                      resources: ["secrets"]
                      verbs: ["get"]
                    """.formatted(i, ns2));
        }
        repo.write("s0/all.yaml", s0.toString()).write("a/all.yaml", a.toString()).write("b/all.yaml", b.toString())
                .write("c/keep.yaml", Manifests.configMap("keep", "rev", "c"));
    }

    /** The lease of A runs out: by waiting it out, or by B's clock being ahead (its renew time moved back). */
    private void overtake(Overtake how) throws InterruptedException {
        var lease = client.leases().inNamespace(ns).withName(SyncLease.leaseName(applySet));
        if (how == Overtake.CLOCK_AHEAD) {
            // A renewal A sent just before SIGSTOP may still land between this edit's read and its write
            for (int attempt = 1; ; attempt++) {
                try {
                    lease.edit(l -> {
                        l.getSpec().setRenewTime(
                                l.getSpec().getRenewTime().minusSeconds(l.getSpec().getLeaseDurationSeconds() + 1));
                        return l;
                    });
                    return;
                } catch (KubernetesClientException e) {
                    if (e.getCode() != 409 || attempt == 5) {
                        throw e;
                    }
                    Thread.sleep(200);
                }
            }
        }
        Eventually.until("the lease of the stalled sync to run out", Duration.ofMinutes(2), () -> {
            var spec = lease.get().getSpec();
            ZonedDateTime expires = spec.getRenewTime().plusSeconds(spec.getLeaseDurationSeconds());
            return expires.toInstant().isBefore(Instant.now().minusMillis(200));
        });
    }

    /** Every kind the cluster lists, asked once: the matrix adds no kinds. */
    private static String listableKinds;

    /** "Kind/group/namespace/name" of every object labelled part-of the set, in every kind the cluster lists. */
    private List<String> membersOfTheSet() throws IOException, InterruptedException {
        if (listableKinds == null) {
            listableKinds = Kubectl.ok("api-resources", "--verbs=list", "-o", "name").strip().replace('\n', ',');
        }
        String kinds = listableKinds;
        String out = Kubectl.ok("get", kinds, "-A", "-l", ApplySetId.PART_OF_LABEL + "=" + ApplySetId.of(applySet, ns),
                "-o", "jsonpath={range .items[*]}{.kind}/{.apiVersion}/{.metadata.namespace}/{.metadata.name}{\"\\n\"}{end}");
        List<String> members = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] p = line.split("/");
            if (line.startsWith("Warning:") || p.length < 4) {
                continue;
            }
            // Kind/apiVersion(group/version or version)/namespace/name
            boolean grouped = p.length == 5;
            String group = grouped ? p[1] : "";
            String namespace = grouped ? p[3] : p[2];
            String name = grouped ? p[4] : p[3];
            members.add(p[0] + "/" + group + "/" + namespace + "/" + name);
        }
        Collections.sort(members);
        return members;
    }

    private static String groupKind(String member) {
        String[] p = member.split("/");
        return p[1].isEmpty() ? p[0] : p[0] + "." + p[1];
    }

    private static String namespace(String member) {
        return member.split("/")[2];
    }

    private static Set<String> csv(String value) {
        return value == null || value.isBlank() ? new TreeSet<>() : new TreeSet<>(Arrays.asList(value.split(",")));
    }

    @AfterAll
    static void stopSyncA() {
        if (Child.running != null) {
            Child.running.stop();
        }
    }

    /**
     * Sync A's JVM, its output collected as it comes. One for the whole matrix: A is the same program in
     * every case, and a warm JVM reaches its pause point in a fraction of a cold one's time.
     */
    private static final class Child {
        static Child running;

        final Process process;
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch ready = new CountDownLatch(1);
        volatile CountDownLatch paused = new CountDownLatch(1);
        volatile CountDownLatch finished = new CountDownLatch(1);

        private Child(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.add(line);
                        if (line.equals("ready")) {
                            ready.countDown();
                        } else if (line.startsWith("paused at ")) {
                            paused.countDown();
                        } else if (line.startsWith("result ")) {
                            finished.countDown();
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "sync-a-output");
            reader.setDaemon(true);
            reader.start();
        }

        /** The child JVM, started when there is none (first case, or the last one broke it). */
        static Child running() throws IOException, InterruptedException {
            if (running == null || !running.process.isAlive()) {
                running = new Child(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), PausableSyncMain.class.getName(),
                        TestCluster.kubeconfig().toString()).redirectErrorStream(true).start());
                assertThat(running.ready.await(120, TimeUnit.SECONDS)).as(running.output()).isTrue();
            }
            return running;
        }

        /** Starts one sync A (see {@link PausableSyncMain}). */
        void sync(Path root, String revision, String path, String applySet, String ns, String pausePoint,
                  int leaseSeconds) throws IOException {
            lines.clear();
            paused = new CountDownLatch(1);
            finished = new CountDownLatch(1);
            OutputStream in = process.getOutputStream();
            in.write(String.join("\t", root.toString(), revision, path, applySet, ns, pausePoint,
                    String.valueOf(leaseSeconds)).concat("\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        void stop() {
            process.destroyForcibly();
            running = null;
        }

        void signal(String signal) throws IOException, InterruptedException {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
            assertThat(kill.waitFor()).as("kill -%s", signal).isZero();
        }

        /** Unblocks the paused hook; read only once the process runs again. */
        void resumeWhenContinued() throws IOException {
            OutputStream in = process.getOutputStream();
            in.write("go\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        String result() {
            synchronized (lines) {
                return lines.stream().filter(l -> l.startsWith("result ")).findFirst().orElse("no result");
            }
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            }
        }
    }
}
