package io.jenkins.plugins.gitopssync.step;

import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import io.jenkins.plugins.gitopssync.pages.SyncedObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** The map the gitopsSync step returns to the Pipeline script: plain strings, numbers, booleans and lists. */
@Restricted(NoExternalUse.class)
public final class StepResult {

    private StepResult() {
    }

    public static Map<String, Object> of(SyncRecord r, String reportUrl) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("revision", r.getRevision());
        m.put("status", r.getStatusWord());
        m.put("applySet", r.getApplySet());
        m.put("dryRun", r.isDryRun());
        m.put("created", r.getCreated());
        m.put("configured", r.getConfigured());
        m.put("unchanged", r.getUnchanged());
        m.put("pruned", r.getPruned());
        m.put("failed", r.getFailed());
        m.put("drifted", r.getDrifted());
        List<String> drifted = new ArrayList<>();
        for (SyncedObject o : r.getDriftedObjects()) {
            drifted.add(o.getDisplayName());
        }
        m.put("driftedObjects", drifted);
        m.put("reportUrl", reportUrl);
        return m;
    }
}
