package io.jenkins.plugins.gitopssync.engine.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditTrailTest {

    private static AuditEntry entry(int i, String origin) {
        return new AuditEntry("2026-01-01T00:00:0" + (i % 10) + "Z", "rev" + i, "apps", null, origin, "applied");
    }

    @Test
    void keepsTheLastTenEntriesOldestFirst() {
        List<AuditEntry> trail = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            trail = AuditTrail.append(trail, entry(i, "gitops-sync a@b"));
        }
        assertThat(trail).hasSize(AuditTrail.MAX_ENTRIES);
        assertThat(trail.get(0).revision()).isEqualTo("rev3");
        assertThat(trail.get(9).revision()).isEqualTo("rev12");
        assertThat(AuditTrail.decode(AuditTrail.encode(trail))).isEqualTo(trail);
    }

    @Test
    void fieldsAreBoundedAndUrlCredentialsDropped() {
        String longOrigin = "Jenkins https://user:token@ci.example.org/job/x/1/ " + "y".repeat(1000) + "\n";
        AuditEntry stored = AuditTrail.append(List.of(), entry(1, longOrigin)).get(0);
        assertThat(stored.origin()).startsWith("Jenkins https://ci.example.org/job/x/1/").doesNotContain("token")
                .doesNotContain("\n").hasSize(AuditTrail.MAX_FIELD);
        // the whole annotation stays small whatever callers pass
        List<AuditEntry> trail = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            trail = AuditTrail.append(trail, entry(i, longOrigin));
        }
        assertThat(AuditTrail.encode(trail).length()).isLessThan(16 * 1024);
    }

    @Test
    void anUnreadableAnnotationIsAnEmptyTrail() {
        assertThat(AuditTrail.decode("{not json")).isEmpty();
        assertThat(AuditTrail.decode(null)).isEmpty();
    }
}
