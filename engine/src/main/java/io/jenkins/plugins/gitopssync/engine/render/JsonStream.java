package io.jenkins.plugins.gitopssync.engine.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a JSON file (one value, or several concatenated) into plain Java values, keeping the line
 * of each top-level value and of the elements of its "items" array. Duplicate keys are errors.
 */
final class JsonStream {

    private static final ParseLimits LIMITS = ParseLimits.DEFAULT;
    /** Jackson's own limits only as a backstop: {@link #read} checks ours first, with the place. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength((int) Math.min(Integer.MAX_VALUE, LIMITS.fileBytes()))
                    .maxNestingDepth(LIMITS.depth() + 1)
                    .maxDocumentLength(LIMITS.fileBytes())
                    .build())
            .build();

    private JsonStream() {
    }

    static List<YamlStream.Document> parse(String file, String content) {
        List<YamlStream.Document> documents = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(content)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                JsonLocation start = parser.currentTokenLocation();
                int line = start.getLineNr();
                List<Integer> itemLines = new ArrayList<>();
                Object value = read(file, parser, token, 0, 1, itemLines);
                long size = parser.currentLocation().getCharOffset() - start.getCharOffset();
                if (size > LIMITS.documentChars()) {
                    throw new SyncException(file + ":" + line + ":" + start.getColumnNr() + ": this JSON value is larger than "
                            + ParseLimits.size(LIMITS.documentChars()) + ", the limit for one document");
                }
                documents.add(new YamlStream.Document(value, line, itemLines));
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? file : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new SyncException(where + ": " + withoutTokenText(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new SyncException(file + ": " + e.getMessage(), e);
        }
        return documents;
    }

    /**
     * Jackson quotes the offending token ("Unrecognized token 's3cret'"), which may be a Secret's
     * value: keep single-character quotes (they name syntax), drop longer ones. The cause is not
     * chained for the same reason.
     */
    static String withoutTokenText(String message) {
        if (message == null) {
            return "invalid JSON";
        }
        return message.replaceAll("'[^']{2,}'", "'…'");
    }

    private static Object read(String file, JsonParser p, JsonToken token, int depth, int level, List<Integer> itemLines)
            throws IOException {
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && level > LIMITS.depth()) {
            throw limit(file, p, "nested deeper than " + LIMITS.depth() + " levels");
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                String field;
                while ((field = p.nextFieldName()) != null) {
                    JsonToken valueToken = p.nextToken();
                    if (depth == 0 && field.equals("items") && valueToken == JsonToken.START_ARRAY) {
                        List<Object> items = new ArrayList<>();
                        JsonToken t;
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                            itemLines.add(p.currentTokenLocation().getLineNr());
                            items.add(read(file, p, t, depth + 2, level + 2, itemLines));
                        }
                        map.put(field, items);
                    } else {
                        map.put(field, read(file, p, valueToken, depth + 1, level + 1, itemLines));
                    }
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(read(file, p, t, depth + 1, level + 1, itemLines));
                }
                return list;
            }
            case VALUE_STRING -> {
                if (p.getTextLength() > LIMITS.valueChars()) {
                    throw limit(file, p, "a value of " + ParseLimits.size(p.getTextLength()) + " is longer than "
                            + ParseLimits.size(LIMITS.valueChars()) + ", the limit for one value");
                }
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new SyncException("unexpected JSON token " + token);
        }
    }

    private static SyncException limit(String file, JsonParser p, String problem) {
        JsonLocation at = p.currentTokenLocation();
        return new SyncException(file + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": " + problem);
    }
}
