package io.jenkins.plugins.gitopssync.engine.apply;

import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * API server messages can echo values of the object sent ("Invalid value: ..."). For Secrets, every
 * data/stringData value (encoded and decoded) is replaced with "***" before a message is kept.
 */
public final class SecretRedactor {

    private SecretRedactor() {
    }

    public static String redact(String message, Map<String, Object> object) {
        if (message == null || object == null || !"Secret".equals(object.get("kind"))) {
            return message;
        }
        List<String> values = new ArrayList<>();
        if (object.get("data") instanceof Map<?, ?> data) {
            for (Object v : data.values()) {
                if (v != null) {
                    values.add(v.toString());
                    try {
                        values.add(new String(Base64.getDecoder().decode(v.toString()), StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException ignored) {
                        // not base64: the raw value is already listed
                    }
                }
            }
        }
        if (ObjectMaps.at(object, "stringData") instanceof Map<?, ?> sd) {
            sd.values().forEach(v -> values.add(String.valueOf(v)));
        }
        values.sort((a, b) -> b.length() - a.length());
        String out = message;
        for (String v : values) {
            if (v.length() >= 3) {
                out = out.replace(v, "***");
            }
        }
        return out;
    }
}
