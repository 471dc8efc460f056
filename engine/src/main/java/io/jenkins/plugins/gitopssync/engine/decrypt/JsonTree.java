package io.jenkins.plugins.gitopssync.engine.decrypt;

import io.jenkins.plugins.gitopssync.engine.goyaml.GoYamlScalars;
import io.jenkins.plugins.gitopssync.engine.goyaml.YamlTree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * sops' JSON store: one object, read in order (integers that fit 64 bits as Long, other numbers as
 * Double), written as Go's encoding/json writes it (HTML-safe escapes) indented with tabs.
 */
final class JsonTree {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTree() {
    }

    static YamlTree.Mapping read(String text) throws DecryptionException {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new DecryptionException("a JSON file whose top level is not an object");
            }
            YamlTree.Mapping m = object(p);
            if (p.nextToken() != null) {
                throw new DecryptionException("a JSON file with more than one top-level value");
            }
            return m;
        } catch (JsonProcessingException e) {
            throw new DecryptionException("not valid JSON" + (e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr()));
        } catch (IOException e) {
            throw new DecryptionException("not readable JSON");
        }
    }

    private static YamlTree.Mapping object(JsonParser p) throws IOException {
        YamlTree.Mapping m = new YamlTree.Mapping();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            m.put(key, value(p));
        }
        return m;
    }

    private static Object value(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> {
                List<Object> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p));
                }
                yield items;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> {
                BigInteger b = p.getBigIntegerValue();
                yield b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
            }
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    static String write(YamlTree.Mapping m) {
        StringBuilder out = new StringBuilder();
        value(m, out, 0);
        return out.append('\n').toString();
    }

    private static void value(Object v, StringBuilder out, int depth) {
        if (v instanceof YamlTree.Mapping m) {
            List<YamlTree.Entry> entries = m.entries().stream().filter(e -> e.key() instanceof String).toList();
            container('{', '}', entries, out, depth, e -> {
                string((String) e.key(), out);
                out.append(": ");
                value(e.value(), out, depth + 1);
            });
        } else if (v instanceof List<?> l) {
            List<?> items = l.stream().filter(i -> !(i instanceof YamlTree.Comment)).toList();
            container('[', ']', items, out, depth, item -> value(item, out, depth + 1));
        } else if (v instanceof String s) {
            string(s, out);
        } else if (v instanceof byte[] b) {
            string(Base64.getEncoder().encodeToString(b), out);
        } else if (v instanceof Double d) {
            out.append(goFloat(d));
        } else {
            out.append(v == null ? "null" : v.toString());
        }
    }

    /** An object or array as json.MarshalIndent writes it: empty on one line, else one member a line, tab-indented. */
    private static <T> void container(char open, char close, List<T> members, StringBuilder out, int depth,
                                      Consumer<T> member) {
        out.append(open);
        for (int i = 0; i < members.size(); i++) {
            out.append(i == 0 ? "" : ",").append('\n').append("\t".repeat(depth + 1));
            member.accept(members.get(i));
        }
        if (!members.isEmpty()) {
            out.append('\n').append("\t".repeat(depth));
        }
        out.append(close);
    }

    /** encoding/json's float text: 'f' format, or 'e' below 1e-6 and from 1e21, exponent without a leading zero. */
    private static String goFloat(double d) {
        double abs = Math.abs(d);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            String g = GoYamlScalars.formatFloat(d); // shortest digits in 'e' form for these magnitudes
            return g.replaceAll("e([-+])0(\\d)$", "e$1$2");
        }
        return TreeDecryption.formatFloat(d);
    }

    /** encoding/json's string escaping, HTML-safe as json.Marshal writes it. */
    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
