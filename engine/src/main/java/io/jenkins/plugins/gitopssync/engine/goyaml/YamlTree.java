package io.jenkins.plugins.gitopssync.engine.goyaml;

import java.util.ArrayList;
import java.util.List;

/**
 * A YAML (or JSON, or dotenv) file as sops and go-yaml see it: documents (branches) of ordered entries whose keys are strings or comments,
 * sequences whose items may be comments, and scalars ({@code String}, {@code Long}, {@code Double},
 * {@code Boolean}, {@code byte[]}, null). The order is the file's: the MAC depends on it.
 */
public final class YamlTree {

    /** A comment line (without its '#'); {@code inline} when it followed a value on the same line. */
    public record Comment(String value, boolean inline) {
    }

    /** One entry of a mapping. */
    public record Entry(Object key, Object value) {
    }

    /** A mapping, in file order. */
    public record Mapping(List<Entry> entries) {
        public Mapping() {
            this(new ArrayList<>());
        }

        public Object get(String key) {
            for (Entry e : entries) {
                if (key.equals(e.key())) {
                    return e.value();
                }
            }
            return null;
        }

        public void put(String key, Object value) {
            entries.add(new Entry(key, value));
        }

        public Mapping without(String key) {
            List<Entry> kept = new ArrayList<>();
            for (Entry e : entries) {
                if (!key.equals(e.key())) {
                    kept.add(e);
                }
            }
            return new Mapping(kept);
        }
    }

    private YamlTree() {
    }
}
