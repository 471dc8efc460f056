package io.jenkins.plugins.gitopssync.engine.diff;

import static io.jenkins.plugins.gitopssync.engine.diff.NormalizerTest.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    private static Map<String, Object> configMap(Map<String, Object> data) {
        return map("apiVersion", "v1", "kind", "ConfigMap", "metadata", map("name", "settings", "namespace", "prod"), "data", data);
    }

    @Test
    void equalObjectsGiveNoDiff() {
        assertThat(UnifiedDiff.diff("ConfigMap/prod/settings", configMap(map("a", "1")), configMap(map("a", "1")))).isEmpty();
        assertThat(UnifiedDiff.diff("x", null, null)).isEmpty();
    }

    @Test
    void changedLineWithContext() {
        String diff = UnifiedDiff.diff("ConfigMap/prod/settings",
                configMap(map("a", "1", "b", "2", "c", "3")),
                configMap(map("a", "1", "b", "two", "c", "3")));

        assertThat(diff).isEqualTo("""
                --- live/ConfigMap/prod/settings
                +++ desired/ConfigMap/prod/settings
                @@ -1,7 +1,7 @@
                 apiVersion: v1
                 data:
                   a: '1'
                -  b: '2'
                +  b: two
                   c: '3'
                 kind: ConfigMap
                 metadata:
                """);
    }

    @Test
    void addedAndRemovedLinesAndSeparateHunks() {
        List<String> a = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            a.add("line" + i);
        }
        List<String> b = new ArrayList<>(a);
        b.remove("line2");
        b.add(20, "inserted");

        String hunks = LineDiff.unified(LineDiff.edits(a, b), 3);

        assertThat(hunks).isEqualTo("""
                @@ -1,6 +1,5 @@
                 line0
                 line1
                -line2
                 line3
                 line4
                 line5
                @@ -19,6 +18,7 @@
                 line18
                 line19
                 line20
                +inserted
                 line21
                 line22
                 line23
                """);
    }

    @Test
    void createdAndPrunedObjectsUseDevNull() {
        String created = UnifiedDiff.diff("ConfigMap/prod/settings", null, configMap(map("a", "1")));
        String pruned = UnifiedDiff.diff("ConfigMap/prod/settings", configMap(map("a", "1")), null);

        assertThat(created).startsWith("--- /dev/null\n+++ desired/ConfigMap/prod/settings\n@@ -0,0 +1,7 @@\n+apiVersion: v1\n");
        assertThat(pruned).startsWith("--- live/ConfigMap/prod/settings\n+++ /dev/null\n@@ -1,7 +0,0 @@\n-apiVersion: v1\n");
        assertThat(created.lines().filter(l -> l.startsWith("+") && !l.startsWith("+++")).count()).isEqualTo(7);
    }

    @Test
    void multiLineStringsAreLiteralBlocksSoOneChangedLineShowsAsOne() {
        String diff = UnifiedDiff.diff("ConfigMap/prod/settings",
                configMap(map("script", "echo one\necho two\necho three\n")),
                configMap(map("script", "echo one\necho 2\necho three\n")));

        assertThat(diff).contains("  script: |\n").contains("-    echo two\n+    echo 2\n");
        assertThat(diff.lines().filter(l -> l.startsWith("-") && !l.startsWith("---")).count()).isEqualTo(1);
    }

    @Test
    void yamlIsStableAndQuotesAmbiguousStrings() {
        String yaml = UnifiedDiff.toYaml(map("z", "on", "a", List.of(map("y", 1, "b", true)), "m", "1.10", "e", map(), "n", null));

        assertThat(yaml).isEqualTo("""
                a:
                - b: true
                  y: 1
                e: {}
                m: '1.10'
                n: null
                z: 'on'
                """);
    }

    @Test
    void diffIsCorrectAndMinimalOnRandomInputs() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            List<String> a = randomLines(random);
            List<String> b = randomLines(random);
            List<LineDiff.Edit> edits = LineDiff.edits(a, b);

            List<String> rebuiltA = new ArrayList<>();
            List<String> rebuiltB = new ArrayList<>();
            int changes = 0;
            for (LineDiff.Edit e : edits) {
                if (e.op() != LineDiff.Op.INSERT) {
                    rebuiltA.add(e.line());
                }
                if (e.op() != LineDiff.Op.DELETE) {
                    rebuiltB.add(e.line());
                }
                if (e.op() != LineDiff.Op.EQUAL) {
                    changes++;
                }
            }
            assertThat(rebuiltA).isEqualTo(a);
            assertThat(rebuiltB).isEqualTo(b);
            assertThat(changes).as("edit distance of round %d", round).isEqualTo(a.size() + b.size() - 2 * lcs(a, b));
        }
    }

    @Test
    void largeObjectsDiffQuickly() {
        List<String> a = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            a.add("key" + i + ": value" + i);
        }
        List<String> b = new ArrayList<>(a);
        for (int i = 0; i < 5000; i += 50) {
            b.set(i, "changed" + i);
        }
        List<LineDiff.Edit> edits = LineDiff.edits(a, b);

        assertThat(edits.stream().filter(e -> e.op() == LineDiff.Op.DELETE).count()).isEqualTo(100);
        assertThat(edits.stream().filter(e -> e.op() == LineDiff.Op.INSERT).count()).isEqualTo(100);
    }

    @Test
    void beyondTheEditDistanceLimitTheDiffIsStillCorrect() {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 0; i < LineDiff.MAX_EDIT_DISTANCE; i++) {
            a.add("a" + i);
            b.add("b" + i);
        }
        a.add("same");
        b.add("same");
        List<LineDiff.Edit> edits = LineDiff.edits(a, b);

        assertThat(edits).hasSize(2 * LineDiff.MAX_EDIT_DISTANCE + 1);
        assertThat(edits.get(edits.size() - 1)).isEqualTo(new LineDiff.Edit(LineDiff.Op.EQUAL, "same"));
    }

    private static List<String> randomLines(Random random) {
        int n = random.nextInt(25);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(String.valueOf((char) ('a' + random.nextInt(4))));
        }
        return lines;
    }

    private static int lcs(List<String> a, List<String> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                t[i][j] = a.get(i).equals(b.get(j)) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
            }
        }
        return t[0][0];
    }
}
