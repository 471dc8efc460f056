package io.jenkins.plugins.gitopssync.engine.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryDataTest {

    @Test
    void roundTripsThroughGzipJson() {
        List<ObjectRecord> records = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            records.add(new ObjectRecord("apps", "v1", "Deployment", "ns" + (i % 3), "web-" + i,
                    "d".repeat(64), String.valueOf(1000 + i), "l".repeat(64)));
        }
        InventoryData data = new InventoryData("abc123", "apps/prod", 1_700_000_000L, records);
        byte[] encoded = data.encode();
        InventoryData back = InventoryData.decode(encoded);
        assertThat(back).isEqualTo(data);
        assertThat(back.byKey()).containsKey("apps/Deployment/ns1/web-1");
        // 1,000 records stay far below the 1 MiB Secret limit
        assertThat(encoded.length).isLessThan(100_000);
    }

    @Test
    void unreadableDataIsAnEmptyInventoryNotACrash() {
        assertThat(InventoryData.decode(new byte[] {1, 2, 3}).objects()).isEmpty();
        assertThat(InventoryData.decode(null).revision()).isNull();
    }

    @Test
    void splitReadsKubectlAnnotationLists() {
        assertThat(ApplySetInventory.split("Deployment.apps, ConfigMap,,Secret")).containsExactly("ConfigMap",
                "Deployment.apps", "Secret");
        assertThat(ApplySetInventory.split("")).isEmpty();
    }
}
