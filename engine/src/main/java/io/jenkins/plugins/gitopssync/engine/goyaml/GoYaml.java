package io.jenkins.plugins.gitopssync.engine.goyaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One object as go-yaml v3 writes and reads it: what Flux's post-build substitution runs over (it
 * substitutes in the object's YAML text and reads the result back, so {@code replicas: ${n}} becomes a number).
 */
public final class GoYaml {

    private GoYaml() {
    }

    public static String write(Map<String, Object> object) {
        return YamlTreeWriter.write(List.of((YamlTree.Mapping) toTree(object)));
    }

    /** The single document of {@code text}, as maps, lists, strings, longs, doubles, booleans and nulls. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(String text) throws YamlTreeException {
        List<YamlTree.Mapping> docs = YamlTreeReader.read(text);
        if (docs.size() != 1) {
            throw new YamlTreeException("expected one YAML document, found " + docs.size());
        }
        return (Map<String, Object>) fromTree(docs.get(0));
    }

    private static Object toTree(Object v) {
        if (v instanceof Map<?, ?> map) {
            YamlTree.Mapping m = new YamlTree.Mapping();
            map.forEach((k, val) -> m.put(String.valueOf(k), toTree(val)));
            return m;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(i -> out.add(toTree(i)));
            return out;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        return v;
    }

    private static Object fromTree(Object v) {
        if (v instanceof YamlTree.Mapping m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (YamlTree.Entry e : m.entries()) {
                if (e.key() instanceof String k) {
                    out.put(k, fromTree(e.value()));
                }
            }
            return out;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.stream().filter(i -> !(i instanceof YamlTree.Comment)).forEach(i -> out.add(fromTree(i)));
            return out;
        }
        return v;
    }
}
