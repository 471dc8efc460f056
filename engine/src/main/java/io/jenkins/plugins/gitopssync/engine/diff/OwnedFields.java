package io.jenkins.plugins.gitopssync.engine.diff;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitopssync.engine.cluster.KubeApi;
import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of a live object this engine's server-side apply owns: its own entry in managedFields (the
 * fields Git sets, as the server recorded them) and the live values at those fields. What drift means
 * follows from it: a dry run changes only fields Git sets, and nobody can change such a field's value
 * without taking the field from this manager (an update that changes a value becomes its owner), so the
 * owned set and its values move exactly when a dry run would find a difference.
 */
final class OwnedFields {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    /** Stands for a field the set names that the object no longer has. */
    private static final String ABSENT = "\u0000absent";

    private OwnedFields() {
    }

    /** {"owned": the field set, "values": the live values at it}; null when the object has no entry of ours. */
    static Map<String, Object> of(Map<String, Object> live) {
        Map<String, Object> set = ownSet(live);
        if (set == null) {
            return null;
        }
        Map<String, Object> out = new TreeMap<>();
        out.put("owned", set);
        out.put("values", project(live, withStringDataAsData(live, set)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ownSet(Map<String, Object> live) {
        if (!(ObjectMaps.at(live, "metadata", "managedFields") instanceof List<?> entries)) {
            return null;
        }
        for (Object e : entries) {
            if (e instanceof Map<?, ?> entry && KubeApi.FIELD_MANAGER.equals(entry.get("manager"))
                    && "Apply".equals(entry.get("operation")) && entry.get("subresource") == null
                    && entry.get("fieldsV1") instanceof Map<?, ?> fields) {
                return (Map<String, Object>) fields;
            }
        }
        return null;
    }

    /**
     * A Secret's stringData is written into data and never stored: the values a dry run would restore are
     * the data values of the keys the stringData the engine owns names.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withStringDataAsData(Map<String, Object> live, Map<String, Object> set) {
        if (!"Secret".equals(live.get("kind")) || !(set.get("f:stringData") instanceof Map<?, ?> stringData)) {
            return set;
        }
        Map<String, Object> copy = new TreeMap<>(set);
        Map<String, Object> data = new TreeMap<>(set.get("f:data") instanceof Map<?, ?> d
                ? (Map<String, Object>) d : Map.of());
        data.putAll((Map<String, Object>) stringData);
        copy.put("f:data", data);
        return copy;
    }

    /** The value at every field of the set: "f:name" fields, "k:{...}" list items by key, "v:..." set members, "i:N" positions. */
    @SuppressWarnings("unchecked")
    private static Object project(Object live, Map<String, Object> set) {
        Map<String, Object> children = new TreeMap<>(set);
        children.remove(".");
        if (children.isEmpty()) {
            return live; // a leaf: the whole value is owned
        }
        if (live instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            for (Map.Entry<String, Object> c : children.entrySet()) {
                if (!c.getKey().startsWith("f:")) {
                    continue;
                }
                String name = c.getKey().substring(2);
                out.put(name, map.containsKey(name) ? project(map.get(name), sub(c.getValue())) : ABSENT);
            }
            return out;
        }
        if (live instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Map.Entry<String, Object> c : children.entrySet()) {
                String key = c.getKey();
                Object item = ABSENT;
                if (key.startsWith("k:")) {
                    Map<String, Object> wanted = parse(key.substring(2));
                    item = list.stream().filter(i -> i instanceof Map<?, ?> m && matches((Map<String, Object>) m, wanted))
                            .findFirst().map(i -> project(i, sub(c.getValue()))).orElse(ABSENT);
                } else if (key.startsWith("v:")) {
                    Object wanted = parseValue(key.substring(2));
                    item = list.stream().anyMatch(i -> same(i, wanted)) ? wanted : ABSENT;
                } else if (key.startsWith("i:")) {
                    int index = Integer.parseInt(key.substring(2));
                    item = index < list.size() ? project(list.get(index), sub(c.getValue())) : ABSENT;
                }
                out.add(List.of(key, item));
            }
            return out;
        }
        return live;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sub(Object v) {
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static boolean matches(Map<String, Object> item, Map<String, Object> key) {
        return key.entrySet().stream().allMatch(k -> same(item.get(k.getKey()), k.getValue()));
    }

    /** JSON scalars compared as JSON spells them (80 and 80L are the same port). */
    private static boolean same(Object a, Object b) {
        return String.valueOf(a).equals(String.valueOf(b)) && (a == null) == (b == null);
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (Exception e) {
            return Map.of("\u0000unreadable", json); // matches nothing: the field shows as absent
        }
    }

    private static Object parseValue(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (Exception e) {
            return json;
        }
    }
}
