package io.jenkins.plugins.gitopssync.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parse cache must give back exactly what parsing gives: the same values of the same classes, the same
 * lines; and never a stale or damaged entry. The oracle is {@link YamlStream} itself.
 */
class ParseCacheTest {

    @TempDir
    Path tmp;

    private static final String TYPED = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: typed
              labels: {tier: "1"}
            data:
              small: 7
              negative: -42
              long: 9000000000
              huge: 123456789012345678901234567890
              octal: 0644
              hex: 0x1F
              float: 1.5
              exp: 2.5e-3
              whole: 1.0
              yes: yes
              on: on
              t: true
              f: False
              nothing: null
              tilde: ~
              empty:
              date: 2026-12-03
              unicode: "grüße ✓ \\U0001F600"
              multi: |
                line one
                line two
              list: [1, "2", 3.0, [x, {y: z}]]
            ---
            # an empty document
            ---
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: a}
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: b}
            """;

    @Test
    void aSecondRunReadsBackExactlyWhatParsingGaveWithoutParsing() throws Exception {
        Path file = tmp.resolve("cache");
        List<YamlStream.Document> parsed = YamlStream.parse("typed.yaml", TYPED);

        ParseCache first = ParseCache.open(file);
        AtomicInteger parses = new AtomicInteger();
        assertSame(first.documents(TYPED, counting(parses, TYPED)), parsed);
        first.save();
        assertThat(parses).hasValue(1);

        ParseCache second = ParseCache.open(file);
        List<YamlStream.Document> cached = second.documents(TYPED, counting(parses, TYPED));
        assertThat(parses).as("read from the cache, not parsed").hasValue(1);
        assertSame(cached, parsed);
        assertThat(cached.get(2).itemLines()).containsExactly(35, 38);
    }

    @Test
    void randomDocumentsComeBackEqualInValueAndClass() throws Exception {
        Random random = new Random(13);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            texts.add(RandomYaml.document(random));
        }
        Path file = parsedAndSaved(texts);
        ParseCache reader = ParseCache.open(file);
        AtomicInteger parses = new AtomicInteger();
        for (String text : texts) {
            assertSame(reader.documents(text, counting(parses, text)), YamlStream.parse("r.yaml", text));
        }
        assertThat(parses).as("every random document was kept").hasValue(0);
    }

    @Test
    void whatJsonCannotHoldExactlyIsParsedEachTime() throws Exception {
        List<String> texts = List.of(
                "a: !!binary aGVsbG8=\n",                       // byte[]
                "a: !!set {x, y}\n",                             // a Set
                "1: one\n",                                      // an Integer key
                "a: .inf\n",                                     // not finite
                "a: .nan\n",
                "base: &b {x: 1}\nuse: *b\n");                  // one map shared through an alias
        Path file = parsedAndSaved(texts);
        ParseCache reader = ParseCache.open(file);
        AtomicInteger parses = new AtomicInteger();
        for (String text : texts) {
            reader.documents(text, counting(parses, text)); // what the parser gives, as the count shows
        }
        assertThat(parses).hasValue(texts.size());
        assertThat(file).as("nothing to keep, nothing written").doesNotExist();
    }

    @Test
    void aFileThatFailsToParseFailsEveryTime() throws Exception {
        Path file = tmp.resolve("cache");
        String bad = "a: 1\na: 2\n"; // a duplicate key
        for (int run = 0; run < 2; run++) {
            ParseCache cache = ParseCache.open(file);
            assertThatThrownBy(() -> cache.documents(bad, () -> YamlStream.parse("bad.yaml", bad)))
                    .isInstanceOf(SyncException.class).hasMessageContaining("bad.yaml:2");
            cache.save();
        }
    }

    @Test
    void aDamagedOrForeignFileIsIgnoredAndWrittenAnew() throws Exception {
        Path file = tmp.resolve("cache");
        ParseCache writer = ParseCache.open(file);
        writer.documents(TYPED, () -> YamlStream.parse("t.yaml", TYPED));
        writer.save();
        byte[] good = Files.readAllBytes(file);
        List<YamlStream.Document> parsed = YamlStream.parse("t.yaml", TYPED);

        String goodText = new String(good, StandardCharsets.UTF_8);
        int json = goodText.indexOf(' ') + 1;
        List<byte[]> damaged = List.of(
                java.util.Arrays.copyOf(good, good.length - 20),                                   // cut short
                ("another format\n" + goodText.substring(goodText.indexOf('\n') + 1)).getBytes(StandardCharsets.UTF_8),
                (goodText.substring(0, json) + "[[1,[],{\"a\":" + goodText.substring(json + 14)).getBytes(StandardCharsets.UTF_8),
                new byte[] {0, 1, 2});
        for (byte[] bytes : damaged) {
            Files.write(file, bytes);
            ParseCache cache = ParseCache.open(file);
            assertSame(cache.documents(TYPED, () -> YamlStream.parse("t.yaml", TYPED)), parsed);
            cache.save();
            assertThat(Files.readAllBytes(file)).as("rewritten whole").isEqualTo(good);
        }
    }

    @Test
    void onlyTheLastRendersEntriesAreKept() throws Exception {
        Path file = tmp.resolve("cache");
        String a = "a: 1\n";
        String b = "b: 2\n";
        String c = "c: 3\n";
        ParseCache one = ParseCache.open(file);
        one.documents(a, () -> YamlStream.parse("a", a));
        one.documents(b, () -> YamlStream.parse("b", b));
        one.save();
        ParseCache two = ParseCache.open(file);
        two.documents(b, () -> YamlStream.parse("b", b));
        two.documents(c, () -> YamlStream.parse("c", c));
        two.save();
        String kept = Files.readString(file);
        assertThat(kept.lines().count()).isEqualTo(3); // the format line and two entries
        assertThat(kept).contains("{\"b\":2}").contains("{\"c\":3}").doesNotContain("{\"a\":1}");
    }

    @Test
    void aRenderWithTheCacheSeesAChangedFileAsChanged() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  k: one\n");
        ManifestSource source = new ManifestSource(repo, "r1", ".").withParseCache(tmp.resolve("parsed/x"));
        assertThat(data(Renderer.render(source, null))).containsEntry("k", "one");
        assertThat(tmp.resolve("parsed/x")).exists();
        assertThat(data(Renderer.render(source, null))).containsEntry("k", "one");

        Files.writeString(repo.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  k: two\n");
        assertThat(data(Renderer.render(source, null))).containsEntry("k", "two");
    }

    /** A cache file written by one run that parsed each of {@code texts}. */
    private Path parsedAndSaved(List<String> texts) throws Exception {
        Path file = tmp.resolve("cache");
        ParseCache writer = ParseCache.open(file);
        for (String text : texts) {
            writer.documents(text, () -> YamlStream.parse("t.yaml", text));
        }
        writer.save();
        return file;
    }

    private static Map<String, Object> data(List<Manifest> manifests) {
        assertThat(manifests).hasSize(1);
        return manifests.get(0).object().getAdditionalProperties().get("data") instanceof Map<?, ?> m
                ? Map.copyOf(castMap(m)) : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static java.util.function.Supplier<List<YamlStream.Document>> counting(AtomicInteger parses, String text) {
        return () -> {
            parses.incrementAndGet();
            return YamlStream.parse("counted.yaml", text);
        };
    }

    /** Equal documents whose every value also has the same class as the oracle's. */
    private static void assertSame(List<YamlStream.Document> actual, List<YamlStream.Document> expected) {
        assertThat(actual).isEqualTo(expected);
        for (int i = 0; i < expected.size(); i++) {
            sameClasses(actual.get(i).value(), expected.get(i).value(), "document " + i);
        }
    }

    private static void sameClasses(Object actual, Object expected, String where) {
        if (expected == null) {
            assertThat(actual).as(where).isNull();
            return;
        }
        assertThat(actual).as(where).isNotNull();
        assertThat(actual.getClass()).as(where).isEqualTo(expected.getClass());
        if (expected instanceof Map<?, ?> e) {
            Map<?, ?> a = (Map<?, ?>) actual;
            assertThat(new ArrayList<>(a.keySet())).as(where + ": key order").isEqualTo(new ArrayList<>(e.keySet()));
            for (Object key : e.keySet()) {
                sameClasses(a.get(key), e.get(key), where + "." + key);
            }
        } else if (expected instanceof List<?> e) {
            List<?> a = (List<?>) actual;
            for (int i = 0; i < e.size(); i++) {
                sameClasses(a.get(i), e.get(i), where + "[" + i + "]");
            }
        }
    }

    /** Random YAML text: nested block and flow collections, and scalars of every implicit type. */
    private static final class RandomYaml {
        private static final String[] SCALARS = {"0", "7", "-13", "2147483647", "2147483648", "-9223372036854775808",
            "9223372036854775808", "0644", "0x7f", "1.25", "-0.0", "6.02e23", "true", "False", "null", "~", "yes",
            "no", "on", "\"quoted: text\"", "'single'", "plain text", "\"\\u00e9\\t\\n\"", "2026-12-03", "\"\"",
            "1_000", "+12", ".5", "1e3"};

        static String document(Random r) {
            StringBuilder out = new StringBuilder();
            int docs = 1 + r.nextInt(3);
            for (int d = 0; d < docs; d++) {
                if (d > 0) {
                    out.append("---\n");
                }
                mapping(r, out, 0, 3);
            }
            return out.toString();
        }

        private static void mapping(Random r, StringBuilder out, int indent, int depth) {
            int n = 1 + r.nextInt(5);
            for (int i = 0; i < n; i++) {
                out.append(" ".repeat(indent)).append("k").append(i).append(r.nextInt(100)).append(':');
                value(r, out, indent, depth);
            }
        }

        private static void value(Random r, StringBuilder out, int indent, int depth) {
            int choice = depth == 0 ? 0 : r.nextInt(5);
            switch (choice) {
                case 1 -> {
                    out.append('\n');
                    mapping(r, out, indent + 2, depth - 1);
                }
                case 2 -> {
                    out.append('\n');
                    int n = 1 + r.nextInt(3);
                    for (int i = 0; i < n; i++) {
                        out.append(" ".repeat(indent + 2)).append("-");
                        if (r.nextBoolean()) {
                            out.append(' ').append(SCALARS[r.nextInt(SCALARS.length)]).append('\n');
                        } else {
                            out.append('\n');
                            mapping(r, out, indent + 4, depth - 1);
                        }
                    }
                }
                case 3 -> out.append(" [").append(SCALARS[r.nextInt(SCALARS.length)]).append(", ")
                        .append(SCALARS[r.nextInt(SCALARS.length)]).append("]\n");
                default -> out.append(' ').append(SCALARS[r.nextInt(SCALARS.length)]).append('\n');
            }
        }
    }
}
