package io.jenkins.plugins.gitopssync.engine.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Reads the objects of a {@link JsonReport} one page at a time, streaming: a 10,000-object report is never
 * held whole, only the page asked for. Pages number the objects that pass the filter, in report order.
 */
public final class JsonReportReader {

    /** One page: its objects, the index of the first, and how many objects in the report pass the filter. */
    public record Page(List<ObjectResult> objects, int start, int matching) {

        public boolean hasNext() {
            return start + objects.size() < matching;
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

    private JsonReportReader() {
    }

    /**
     * Up to {@code count} objects from the {@code start}-th one that passes {@code filter} (null: every object).
     *
     * @throws IOException when the file cannot be read or is not a JSON report
     */
    public static Page page(Path report, int start, int count, Predicate<ObjectResult> filter) throws IOException {
        try (InputStream in = Files.newInputStream(report); JsonParser p = JSON.createParser(in)) {
            if (!toObjectsArray(p)) {
                throw new IOException(report + ": not a GitOps Sync report (no \"objects\" array)");
            }
            List<ObjectResult> page = new ArrayList<>(Math.min(count, 1000));
            int matching = 0;
            while (p.nextToken() == JsonToken.START_OBJECT) {
                boolean wanted = matching >= start && page.size() < count;
                if (filter == null && !wanted) {
                    p.skipChildren(); // counted without building the object
                    matching++;
                    continue;
                }
                ObjectResult o = object(p);
                if (filter != null && !filter.test(o)) {
                    continue;
                }
                if (wanted) {
                    page.add(o);
                }
                matching++;
            }
            return new Page(List.copyOf(page), start, matching);
        }
    }

    /** Moves the parser into the top-level "objects" array; false when there is none. */
    private static boolean toObjectsArray(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("objects".equals(field) && value == JsonToken.START_ARRAY) {
                return true;
            }
            p.skipChildren();
        }
        return false;
    }

    private static ObjectResult object(JsonParser p) throws IOException {
        String group = null, version = null, kind = null, namespace = null, name = null;
        String diff = null, error = null, source = null, health = null;
        Action action = null;
        boolean drift = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            String text = t == JsonToken.VALUE_NULL || t.isStructStart() ? null : p.getText();
            switch (field) {
                case "group" -> group = text;
                case "version" -> version = text;
                case "kind" -> kind = text;
                case "namespace" -> namespace = text;
                case "name" -> name = text;
                case "action" -> action = action(text);
                case "drift" -> drift = t == JsonToken.VALUE_TRUE;
                case "diff" -> diff = text;
                case "error" -> error = text;
                case "source" -> source = text;
                case "health" -> health = text;
                default -> p.skipChildren();
            }
        }
        return new ObjectResult(group, version, kind, namespace, name, action, drift, diff == null ? "" : diff, error,
                source, health);
    }

    private static Action action(String word) {
        if (word == null) {
            return null;
        }
        try {
            return Action.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null; // a word from a newer engine: shown without an action
        }
    }
}
