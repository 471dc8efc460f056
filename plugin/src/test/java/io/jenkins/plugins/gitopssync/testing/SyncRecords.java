package io.jenkins.plugins.gitopssync.testing;

import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.engine.report.Totals;
import io.jenkins.plugins.gitopssync.pages.NotableObjects;
import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import io.jenkins.plugins.gitopssync.pages.SyncedObject;
import java.util.List;

/** Sync records made by hand, for the tests of the rules that read them. */
public final class SyncRecords {

    private SyncRecords() {
    }

    public static final String REV1 = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b";

    public static final String REV2 = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";

    public static SyncedObject object(String kind, String ns, String name, String action, boolean drift, String error) {
        return new SyncedObject("", "v1", kind, ns, name, action, drift, drift ? "-a\n+b\n" : "", error, "deploy/app.yaml:1", null);
    }

    public static SyncRecord record(SyncStatus status, boolean dryRun, List<SyncedObject> objects, List<String> errors) {
        int created = 0, configured = 0, unchanged = 0, pruned = 0, failed = 0, drifted = 0;
        for (SyncedObject o : objects) {
            switch (o.getAction()) {
                case "created" -> created++;
                case "configured" -> configured++;
                case "unchanged" -> unchanged++;
                case "pruned" -> pruned++;
                case "failed" -> failed++;
                default -> { }
            }
            drifted += o.isDrift() ? 1 : 0;
        }
        return new SyncRecord("https://git.example.com/org/repo.git", "main", REV1, "deploy", "apps", status, dryRun,
                NotableObjects.ofObjects(objects),
                new Totals(created, configured, unchanged, pruned, 0, failed, drifted), 1200, 17, errors, List.of());
    }
}
