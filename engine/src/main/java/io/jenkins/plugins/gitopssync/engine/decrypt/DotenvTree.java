package io.jenkins.plugins.gitopssync.engine.decrypt;

import io.jenkins.plugins.gitopssync.engine.goyaml.YamlTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sops' dotenv store: {@code KEY=VALUE} lines ({@code \n} in a value is a line break), {@code #} comments,
 * and the metadata flattened into {@code sops_…} keys ({@code sops_age__list_0__map_enc}).
 */
final class DotenvTree {

    static final String PREFIX = "sops_";
    private static final Pattern TOKEN = Pattern.compile("__(list|map)_");

    private DotenvTree() {
    }

    static YamlTree.Mapping read(String text) throws DecryptionException {
        YamlTree.Mapping m = new YamlTree.Mapping();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                m.entries().add(new YamlTree.Entry(new YamlTree.Comment(line.substring(1), false), null));
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new DecryptionException("line " + (i + 1) + " is not KEY=VALUE");
            }
            m.put(line.substring(0, eq), line.substring(eq + 1).replace("\\n", "\n"));
        }
        return m;
    }

    /** The {@code sops_} entries, unflattened into sops' metadata mapping; null when there are none. */
    static YamlTree.Mapping metadata(YamlTree.Mapping m) {
        Map<String, Object> root = new TreeMap<>();
        boolean any = false;
        for (YamlTree.Entry e : m.entries()) {
            if (e.key() instanceof String k && k.startsWith(PREFIX)) {
                place(root, k.substring(PREFIX.length()), e.value());
                any = true;
            }
        }
        return any ? (YamlTree.Mapping) tree(root) : null;
    }

    static YamlTree.Mapping withoutMetadata(YamlTree.Mapping m) {
        List<YamlTree.Entry> kept = new ArrayList<>();
        for (YamlTree.Entry e : m.entries()) {
            if (!(e.key() instanceof String k && k.startsWith(PREFIX))) {
                kept.add(e);
            }
        }
        return new YamlTree.Mapping(kept);
    }

    @SuppressWarnings("unchecked")
    private static void place(Map<String, Object> root, String flatKey, Object value) {
        Matcher t = TOKEN.matcher(flatKey);
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (t.find()) {
            parts.add(flatKey.substring(from, t.start()));
            from = t.start() + 2; // keep "list_" / "map_" as the marker of the next part
        }
        parts.add(flatKey.substring(from));
        Map<String, Object> node = root;
        for (int i = 0; i < parts.size() - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(parts.get(i), k -> new TreeMap<String, Object>());
        }
        node.put(parts.get(parts.size() - 1), value);
    }

    /** Nested maps whose keys are "list_N" become lists, "map_K" become mapping keys K. */
    private static Object tree(Object v) {
        if (!(v instanceof Map<?, ?> map)) {
            return v;
        }
        if (!map.isEmpty() && map.keySet().stream().allMatch(k -> ((String) k).startsWith("list_"))) {
            TreeMap<Integer, Object> byIndex = new TreeMap<>();
            map.forEach((k, val) -> byIndex.put(Integer.parseInt(((String) k).substring(5)), tree(val)));
            return new ArrayList<>(byIndex.values());
        }
        YamlTree.Mapping m = new YamlTree.Mapping();
        map.forEach((k, val) -> m.put(((String) k).startsWith("map_") ? ((String) k).substring(4) : (String) k, tree(val)));
        return m;
    }

    static String write(YamlTree.Mapping m) throws DecryptionException {
        StringBuilder out = new StringBuilder();
        for (YamlTree.Entry e : m.entries()) {
            if (e.key() instanceof YamlTree.Comment c) {
                out.append('#').append(c.value()).append('\n');
                continue;
            }
            Object v = e.value();
            if (v instanceof YamlTree.Mapping || v instanceof List<?>) {
                throw new DecryptionException("a dotenv value that is a mapping or list");
            }
            String text = v instanceof String s ? s.replace("\n", "\\n")
                    : v instanceof Double d ? TreeDecryption.formatFloat(d) : String.valueOf(v);
            out.append(e.key()).append('=').append(text).append('\n');
        }
        return out.toString();
    }
}
