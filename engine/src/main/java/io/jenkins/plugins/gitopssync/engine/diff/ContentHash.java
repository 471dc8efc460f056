package io.jenkins.plugins.gitopssync.engine.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** sha256 (hex) of an object's canonical JSON (keys sorted at every level). */
public final class ContentHash {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ContentHash() {
    }

    public static String of(Map<String, Object> object) {
        try {
            byte[] json = CANONICAL.writeValueAsBytes(Normalizer.sortedCopy(object));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("object cannot be serialised to JSON: " + e.getOriginalMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The canonical JSON itself (sorted keys, no whitespace). */
    public static String canonicalJson(Map<String, Object> object) {
        try {
            return CANONICAL.writeValueAsString(Normalizer.sortedCopy(object));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("object cannot be serialised to JSON: " + e.getOriginalMessage(), e);
        }
    }
}
