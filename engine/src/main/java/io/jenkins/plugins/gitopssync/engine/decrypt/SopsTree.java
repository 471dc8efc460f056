package io.jenkins.plugins.gitopssync.engine.decrypt;

import java.util.ArrayList;
import java.util.List;

/**
 * A file as sops sees it: documents (branches) of ordered entries whose keys are strings or comments,
 * sequences whose items may be comments, and scalars ({@code String}, {@code Long}, {@code Double},
 * {@code Boolean}, {@code byte[]}, null). The order is the file's: the MAC depends on it.
 */
final class SopsTree {

    /** A comment line (without its '#'); {@code inline} when it followed a value on the same line. */
    record Comment(String value, boolean inline) {
    }

    /** One entry of a mapping. */
    record Entry(Object key, Object value) {
    }

    /** A mapping, in file order. */
    record Mapping(List<Entry> entries) {
        Mapping() {
            this(new ArrayList<>());
        }

        Object get(String key) {
            for (Entry e : entries) {
                if (key.equals(e.key())) {
                    return e.value();
                }
            }
            return null;
        }

        void put(String key, Object value) {
            entries.add(new Entry(key, value));
        }

        Mapping without(String key) {
            List<Entry> kept = new ArrayList<>();
            for (Entry e : entries) {
                if (!key.equals(e.key())) {
                    kept.add(e);
                }
            }
            return new Mapping(kept);
        }
    }

    private SopsTree() {
    }
}
