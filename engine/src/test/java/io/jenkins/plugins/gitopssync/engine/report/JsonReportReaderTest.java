package io.jenkins.plugins.gitopssync.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportReaderTest {

    @TempDir
    Path dir;

    /** {@code n} ConfigMaps; every tenth configured with a diff, the 7th failed. */
    private Path report(int n) throws IOException {
        List<ObjectResult> objects = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Action a = i == 7 ? Action.FAILED : i % 10 == 0 ? Action.CONFIGURED : Action.UNCHANGED;
            objects.add(new ObjectResult("", "v1", "ConfigMap", "ns", "cm-" + i, a, i % 20 == 0,
                    a == Action.CONFIGURED ? "-  a: 1\n+  a: 2\n" : "", a == Action.FAILED ? "forbidden" : null,
                    "cm.yaml:" + (i + 1), null));
        }
        SyncResult r = new SyncResult("abc", ".", "set", SyncStatus.Failed, false, objects, Totals.of(objects),
                Map.of(), 1, 1, List.of(), List.of(), null, List.of(), List.of(), null);
        Path file = dir.resolve("report.json");
        JsonReport.write(r, file);
        return file;
    }

    @Test
    void readsOnePageWithEveryFieldAndCountsTheRest() throws Exception {
        Path file = report(1_000);

        JsonReportReader.Page page = JsonReportReader.page(file, 0, 100, null);

        assertThat(page.matching()).isEqualTo(1_000);
        assertThat(page.objects()).hasSize(100);
        assertThat(page.hasNext()).isTrue();
        ObjectResult first = page.objects().get(0);
        assertThat(first).isEqualTo(new ObjectResult("", "v1", "ConfigMap", "ns", "cm-0", Action.CONFIGURED, true,
                "-  a: 1\n+  a: 2\n", null, "cm.yaml:1", null));
        assertThat(page.objects().get(7).action()).isEqualTo(Action.FAILED);
        assertThat(page.objects().get(7).error()).isEqualTo("forbidden");
    }

    @Test
    void laterPagesStartWhereTheyShouldAndTheLastIsShort() throws Exception {
        Path file = report(250);

        JsonReportReader.Page third = JsonReportReader.page(file, 200, 100, null);

        assertThat(third.objects()).extracting(ObjectResult::name).first().isEqualTo("cm-200");
        assertThat(third.objects()).hasSize(50);
        assertThat(third.hasNext()).isFalse();
        assertThat(JsonReportReader.page(file, 400, 100, null).objects()).isEmpty();
    }

    @Test
    void aFilterPagesThroughTheMatchingObjectsOnly() throws Exception {
        Path file = report(1_000);

        JsonReportReader.Page changed = JsonReportReader.page(file, 10, 20, o -> o.action() != Action.UNCHANGED);

        assertThat(changed.matching()).isEqualTo(101); // 100 configured, 1 failed
        assertThat(changed.objects()).hasSize(20);
        assertThat(changed.objects().get(0).name()).isEqualTo("cm-90"); // 0,7,10,...,80 came first
        assertThat(changed.objects()).allMatch(o -> o.action() != Action.UNCHANGED);
    }

    @Test
    void aFileThatIsNoReportSaysSo() throws Exception {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"applySet\": \"x\"}");

        assertThatThrownBy(() -> JsonReportReader.page(file, 0, 10, null))
                .isInstanceOf(IOException.class).hasMessageContaining("no \"objects\" array");
    }
}
