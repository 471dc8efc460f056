package io.jenkins.plugins.gitopssync.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ListReaderTest {

    private static final ResourceInfo CM = new ResourceInfo("", "v1", "ConfigMap", "configmaps", true);
    private static final ResourceInfo NS = new ResourceInfo("", "v1", "Namespace", "namespaces", false);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachItemKeepsExactlyItsOwnBytesAndItsIdentity() throws Exception {
        String body = """
                {"kind":"ConfigMapList","apiVersion":"v1","metadata":{"resourceVersion":"99"},"items":[
                 {"metadata":{"name":"a","namespace":"team","resourceVersion":"7",
                   "labels":{"applyset.kubernetes.io/part-of":"applyset-x","app":"web"},
                   "annotations":{"note":"} ] { \\" tricky"}},
                  "data":{"k":"v\\u00e9 \\"quoted\\" [1,{2}]","nested":"x"}},
                 {"data":{"first":"data before metadata"},"metadata":{"resourceVersion":"8","namespace":"team","name":"b"}}
                ],"extra":[1,2,{"a":[]}]}""";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<ListedObject> items = ListReader.read(bytes, CM);

        assertThat(items).hasSize(2);
        ListedObject a = items.get(0);
        assertThat(a.ref()).isEqualTo(new io.jenkins.plugins.gitopssync.engine.identity.ObjectRef("", "v1", "ConfigMap",
                "team", "a"));
        assertThat(a.resourceVersion()).isEqualTo("7");
        assertThat(a.owner()).isEqualTo("applyset-x");
        assertThat(items.get(1).owner()).isNull();
        assertThat(items.get(1).ref().name()).isEqualTo("b");

        // the kept bytes are the item itself: parsed, they equal the item of a full parse, plus its type
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> full = (List<Map<String, Object>>) JSON.readValue(bytes, Map.class).get("items");
        for (int i = 0; i < 2; i++) {
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("apiVersion", "v1");
            expected.put("kind", "ConfigMap");
            expected.putAll(full.get(i));
            assertThat(items.get(i).object()).isEqualTo(expected);
        }
        assertThat(a.object()).as("parsed anew each time, so callers may change it").isNotSameAs(a.object());
    }

    @Test
    void anItemWithADeletionTimestampIsBeingDeleted() {
        String body = """
                {"items":[
                 {"metadata":{"name":"going","namespace":"team","deletionTimestamp":"2026-12-03T06:00:00Z",
                   "finalizers":["example.com/hold"]}},
                 {"metadata":{"name":"staying","namespace":"team","deletionTimestamp":null}},
                 {"metadata":{"name":"plain","namespace":"team"}}]}""";
        List<ListedObject> items = ListReader.read(body.getBytes(StandardCharsets.UTF_8), CM);
        assertThat(items).extracting(i -> i.ref().name() + "=" + i.deleting())
                .containsExactly("going=true", "staying=false", "plain=false");
        assertThat(items.get(2).asDeleting().deleting()).isTrue();
        assertThat(items.get(2).asDeleting().object()).isEqualTo(items.get(2).object());
    }

    @Test
    void clusterScopedItemsHaveNoNamespace() {
        ListedObject ns = ListedObject.of(Map.of("metadata", Map.of("name", "team", "resourceVersion", "3")), NS);
        assertThat(ns.ref().namespace()).isEmpty();
        assertThat(ns.ref().key()).isEqualTo(new io.jenkins.plugins.gitopssync.engine.identity.ObjectRef("", "v1",
                "Namespace", null, "team").key());
    }

    @Test
    void randomListsReadAsAFullParseDoes() throws Exception {
        Random random = new Random(13);
        for (int round = 0; round < 200; round++) {
            List<Map<String, Object>> source = new java.util.ArrayList<>();
            int n = random.nextInt(5);
            for (int i = 0; i < n; i++) {
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("name", "n" + i + text(random));
                meta.put("namespace", "ns" + random.nextInt(3));
                meta.put("resourceVersion", String.valueOf(random.nextInt(1000)));
                meta.put("labels", Map.of("l", text(random)));
                Map<String, Object> item = new LinkedHashMap<>();
                if (random.nextBoolean()) {
                    item.put("data", Map.of("k", text(random), "list", List.of(text(random), Map.of("x", text(random)))));
                }
                item.put("metadata", meta);
                item.put("spec", Map.of("deep", Map.of("deeper", List.of(List.of(text(random))))));
                source.add(item);
            }
            byte[] bytes = JSON.writeValueAsBytes(Map.of("kind", "List", "items", source));
            List<ListedObject> read = ListReader.read(bytes, CM);
            assertThat(read).hasSize(n);
            for (int i = 0; i < n; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> meta = (Map<String, Object>) source.get(i).get("metadata");
                assertThat(read.get(i).ref().name()).isEqualTo(meta.get("name"));
                assertThat(read.get(i).ref().namespace()).isEqualTo(meta.get("namespace"));
                assertThat(read.get(i).resourceVersion()).isEqualTo(meta.get("resourceVersion"));
                assertThat(read.get(i).owner()).isNull();
                Map<String, Object> object = read.get(i).object();
                object.remove("apiVersion");
                object.remove("kind");
                assertThat(object).isEqualTo(source.get(i));
            }
        }
    }

    @Test
    void onlyTheItemsAskedForAreKeptWholeWhenTheResponseArrivesInSmallPieces() throws Exception {
        Random random = new Random(29);
        List<Map<String, Object>> source = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("name", "cm-" + i + text(random));
            meta.put("namespace", "ns");
            meta.put("resourceVersion", String.valueOf(i));
            meta.put("labels", Map.of("app", "x", "applyset.kubernetes.io/part-of", i % 3 == 0 ? "applyset-mine" : "other"));
            source.add(Map.of("metadata", meta, "data", Map.of("big", "x".repeat(random.nextInt(5000)) + text(random))));
        }
        byte[] bytes = JSON.writeValueAsBytes(Map.of("kind", "ConfigMapList", "items", source));
        // a stream that hands out 1 to 700 bytes per read, as a network would, so items straddle every boundary
        java.io.InputStream trickle = new java.io.ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(700)));
            }
        };
        List<ListedObject> read = ListReader.read(trickle, CM, item -> "applyset-mine".equals(item.owner())
                && Integer.parseInt(item.resourceVersion()) % 2 == 0);

        assertThat(read).hasSize(300);
        for (int i = 0; i < 300; i++) {
            ListedObject item = read.get(i);
            assertThat(item.owner()).isEqualTo(i % 3 == 0 ? "applyset-mine" : "other");
            assertThat(item.compact()).as("item %d", i).isEqualTo(!(i % 3 == 0 && i % 2 == 0));
            if (!item.compact()) {
                Map<String, Object> object = item.object();
                object.remove("apiVersion");
                object.remove("kind");
                assertThat(object).isEqualTo(source.get(i));
            }
        }
        assertThatThrownBy(() -> read.get(1).object()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cm-1").hasMessageContaining("compact");
    }

    @Test
    void aBrokenResponseNamesTheResource() {
        assertThatThrownBy(() -> ListReader.read("{\"items\":[{\"metadata\":".getBytes(StandardCharsets.UTF_8), CM))
                .hasMessageContaining("LIST of configmaps");
        assertThatThrownBy(() -> ListReader.read("[]".getBytes(StandardCharsets.UTF_8), CM))
                .hasMessageContaining("not a JSON object");
    }

    private static String text(Random random) {
        String alphabet = "ab{}[]\",:\\ é€\n\t\u0001😀";
        StringBuilder sb = new StringBuilder();
        int len = random.nextInt(8);
        for (int i = 0; i < len; i++) {
            sb.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                    random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return sb.toString();
    }
}
