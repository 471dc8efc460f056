package io.jenkins.plugins.gitopssync.engine.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions between fabric8 objects and plain maps, and small accessors on maps. */
public final class ObjectMaps {

    /**
     * One for the client and the engine. It does not search the class path for fabric8's typed model
     * classes (thousands of them, in every model jar): the engine reads objects as generic resources and
     * names the few typed ones it needs, and the search is the bulk of a client's start-up, worst of all
     * on a Jenkins agent, where each class comes over the channel.
     */
    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization(new ObjectMapper(), false);

    private ObjectMaps() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(Object resource) {
        if (resource == null) {
            return null;
        }
        return SERIALIZATION.convertValue(resource, LinkedHashMap.class);
    }

    public static <T extends HasMetadata> T convert(Object from, Class<T> type) {
        return SERIALIZATION.convertValue(from, type);
    }

    public static String toJson(Object o) {
        return SERIALIZATION.asJson(o);
    }

    /** Deep copy of a JSON-like map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> copy(Map<String, Object> map) {
        return (Map<String, Object>) copyValue(map);
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), copyValue(val)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(copyValue(x)));
            return out;
        }
        return v;
    }

    /** The value at a path of map keys, or null. */
    public static Object at(Map<String, Object> map, String... path) {
        Object cur = map;
        for (String p : path) {
            if (!(cur instanceof Map<?, ?> m)) {
                return null;
            }
            cur = m.get(p);
        }
        return cur;
    }

    public static String string(Map<String, Object> map, String... path) {
        Object v = at(map, path);
        return v == null ? null : v.toString();
    }

    public static long number(Map<String, Object> map, long dflt, String... path) {
        Object v = at(map, path);
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return dflt;
            }
        }
        return dflt;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> child(Map<String, Object> map, String key) {
        Object v = map.get(key);
        if (v instanceof Map<?, ?>) {
            return (Map<String, Object>) v;
        }
        Map<String, Object> created = new LinkedHashMap<>();
        map.put(key, created);
        return created;
    }

    /** metadata.labels (or annotations) as strings; empty when absent. */
    public static Map<String, String> stringMap(Map<String, Object> obj, String metadataField) {
        Map<String, String> out = new LinkedHashMap<>();
        if (at(obj, "metadata", metadataField) instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : v.toString()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> conditions(Map<String, Object> obj) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (at(obj, "status", "conditions") instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    out.add((Map<String, Object>) m);
                }
            }
        }
        return out;
    }

    /** The condition of that type, or null. */
    public static Map<String, Object> condition(Map<String, Object> obj, String type) {
        for (Map<String, Object> c : conditions(obj)) {
            if (type.equals(c.get("type"))) {
                return c;
            }
        }
        return null;
    }
}
