package io.jenkins.plugins.gitopssync.engine.report;

import java.io.Serializable;
import java.util.List;

/** Counts per action, and how many objects drifted. */
public record Totals(int created, int configured, int unchanged, int pruned, int skipped, int failed, int drifted)
        implements Serializable {

    public static Totals of(List<ObjectResult> objects) {
        int c = 0, cf = 0, u = 0, p = 0, s = 0, f = 0, d = 0;
        for (ObjectResult o : objects) {
            switch (o.action()) {
                case CREATED -> c++;
                case CONFIGURED -> cf++;
                case UNCHANGED -> u++;
                case PRUNED -> p++;
                case SKIPPED -> s++;
                case FAILED -> f++;
            }
            if (o.drift()) {
                d++;
            }
        }
        return new Totals(c, cf, u, p, s, f, d);
    }

    public int changed() {
        return created + configured + pruned;
    }

    /**
     * "3 created, 1 configured (1 drift), 0 pruned, 12 unchanged", then skipped and failed objects when there are any:
     * the counts of {@link SummaryLine}.
     */
    public String summary() {
        return created + " created, " + configured + " configured (" + drifted + " drift), " + pruned + " pruned, "
                + unchanged + " unchanged" + (skipped > 0 ? ", " + skipped + " skipped" : "")
                + (failed > 0 ? ", " + failed + " failed" : "");
    }
}
