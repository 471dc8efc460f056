package io.jenkins.plugins.gitopssync.pages;

import hudson.FilePath;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.JsonReport;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.engine.report.Totals;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.openjdk.jol.info.GraphLayout;

/**
 * A measurement, not a test (no surefire pattern matches its name; run it with -Dtest=RecordFootprint): what one
 * sync of 1,000 and 10,000 objects costs the controller, as the README reports it, for two shapes of sync:
 * a first sync (every object created) and a sync that corrected drift (1 % configured with a diff, the rest
 * unchanged). Prints build.xml's size, the heap the build's record holds once loaded (JOL's deep size of the
 * record), and the detail page's load time over HTTP (median of 5 after one warm-up).
 */
@WithJenkins
class RecordFootprint {

    @Test
    void measure(JenkinsRule j) throws Exception {
        StringBuilder out = new StringBuilder("objects | shape | build.xml bytes | record heap bytes | detail page ms (median of 5)\n");
        for (int n : new int[] {1_000, 10_000}) {
            for (String shape : new String[] {"first sync", "drift corrected"}) {
                FreeStyleProject p = j.createFreeStyleProject("m" + n + shape.charAt(0));
                FreeStyleBuild b = j.buildAndAssertSuccess(p);
                SyncResult r = result(n, shape.equals("first sync"));
                record(b, r);
                b.save();
                long xml = new File(b.getRootDir(), "build.xml").length();
                j.jenkins.reload();
                FreeStyleBuild loaded = j.jenkins.getItemByFullName(p.getFullName(), FreeStyleProject.class).getLastBuild();
                long heap = 0;
                for (GitOpsSyncAction a : loaded.getActions(GitOpsSyncAction.class)) {
                    heap += GraphLayout.parseInstance(a.getRecord()).totalSize();
                }
                long ms = detailPageMillis(j.getURL() + loaded.getUrl() + "gitops-1/");
                out.append(n).append(" | ").append(shape).append(" | ").append(xml).append(" | ").append(heap).append(" | ")
                        .append(ms).append('\n');
            }
        }
        System.out.println("RecordFootprint\n" + out);
        Files.writeString(Path.of("target", "record-footprint.txt"), out);
    }

    /** What this version does when a sync finishes: the record in build.xml, the JSON report beside it. */
    private static void record(FreeStyleBuild b, SyncResult r) throws Exception {
        GitOpsSyncAction a = GitOpsSyncAction.attach(b, SyncRecord.of(r, "https://git.example.com/org/manifests.git", "main"));
        Path written = Files.createTempFile("report", ".json");
        JsonReport.write(r, written);
        a.keepReport(new FilePath(written.toFile()));
        Files.delete(written);
    }

    private static long detailPageMillis(String url) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest get = HttpRequest.newBuilder(URI.create(url)).build();
        long[] times = new long[6];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> rsp = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
            times[i] = (System.nanoTime() - t0) / 1_000_000;
            if (rsp.statusCode() != 200) {
                throw new AssertionError(url + ": " + rsp.statusCode());
            }
        }
        long[] measured = Arrays.copyOfRange(times, 1, times.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }

    /** Deployments, Services and ConfigMaps in 10 namespaces, with sources and (for changes) three-line diffs. */
    static SyncResult result(int n, boolean firstSync) {
        List<ObjectResult> objects = new ArrayList<>(n);
        String[] kinds = {"Deployment", "Service", "ConfigMap"};
        for (int i = 0; i < n; i++) {
            String kind = kinds[i % 3];
            String group = kind.equals("Deployment") ? "apps" : "";
            boolean changed = !firstSync && i % 100 == 0;
            Action action = firstSync ? Action.CREATED : changed ? Action.CONFIGURED : Action.UNCHANGED;
            String diff = changed ? "--- live/" + kind + "/ns-" + (i % 10) + "/app-" + i + "\n+++ desired\n-  replicas: 3\n+  replicas: 2\n" : "";
            objects.add(new ObjectResult(group, "v1", kind, "ns-" + (i % 10), "app-" + i, action, changed, diff, null,
                    "apps/app-" + i + ".yaml:1", kind.equals("Deployment") ? "Current" : null));
        }
        return new SyncResult("1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b", "apps", "bench", SyncStatus.Synced, false, objects,
                Totals.of(objects), Map.of("render", 100L, "apply", 900L), 5000, n + 10, List.of(), List.of(),
                null, List.of(), List.of(), null);
    }
}
