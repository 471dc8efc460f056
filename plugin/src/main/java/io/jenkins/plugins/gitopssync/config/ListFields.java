package io.jenkins.plugins.gitopssync.config;

import java.util.Arrays;
import java.util.List;

/** A form field that holds a list: its items, split where the field's separators stand, blanks dropped. */
final class ListFields {

    private ListFields() {
    }

    /** The items of {@code text} between matches of the {@code separators} pattern, stripped; none for null. */
    static List<String> items(String text, String separators) {
        return text == null ? List.of()
                : Arrays.stream(text.split(separators)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
