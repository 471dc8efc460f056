package io.jenkins.plugins.gitopssync.engine.goyaml;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Writes decrypted documents as sops writes YAML (go-yaml v3, indentation 4): block mappings and
 * sequences, nested levels aligned to multiples of 4 and mappings in a sequence item two past its dash,
 * comments as whole lines before what follows them, scalars quoted as go-yaml quotes them.
 */
public final class YamlTreeWriter {

    private static final int INDENT = 4;

    private final StringBuilder out = new StringBuilder();

    private YamlTreeWriter() {
    }

    public static String write(List<YamlTree.Mapping> documents) {
        YamlTreeWriter w = new YamlTreeWriter();
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                w.out.append("---\n");
            }
            YamlTree.Mapping doc = documents.get(i);
            if (doc.entries().stream().allMatch(e -> e.key() instanceof YamlTree.Comment)) {
                w.comments(comments(doc.entries()), 0);
                w.out.append("{}\n");
            } else {
                w.mapping(doc, 0, false);
            }
        }
        return w.out.toString();
    }

    private static List<YamlTree.Comment> comments(List<YamlTree.Entry> entries) {
        List<YamlTree.Comment> out = new ArrayList<>();
        entries.forEach(e -> out.add((YamlTree.Comment) e.key()));
        return out;
    }

    /** Entries at {@code indent}; the first one goes on the current line when {@code onDashLine}. */
    private void mapping(YamlTree.Mapping m, int indent, boolean onDashLine) {
        lines(m.entries(), YamlTree.Entry::key, indent, onDashLine, e -> {
            out.append(scalar((String) e.key(), true, indent)).append(':');
            value(e.value(), align(indent), align(indent));
        });
    }

    /**
     * The members of a mapping or sequence at {@code indent}, each after the comments before it, then the
     * comments after the last; the first member continues the current line when {@code onDashLine}.
     */
    private <T> void lines(List<T> members, Function<T, Object> content, int indent, boolean onDashLine,
                           Consumer<T> write) {
        List<YamlTree.Comment> pending = new ArrayList<>();
        boolean first = true;
        for (T member : members) {
            if (content.apply(member) instanceof YamlTree.Comment c) {
                pending.add(c);
                continue;
            }
            if (!(first && onDashLine)) {
                comments(pending, indent);
                out.append(" ".repeat(indent));
            }
            pending.clear();
            first = false;
            write.accept(member);
        }
        comments(pending, indent);
    }

    /** A value after "key:" or "-": inline for scalars and empty collections, else on the next lines. */
    private void value(Object v, int nestedIndent, int literalIndent) {
        if (v instanceof YamlTree.Mapping m && hasContent(m.entries())) {
            out.append('\n');
            mapping(m, nestedIndent, false);
        } else if (v instanceof YamlTree.Mapping) {
            out.append(" {}\n");
        } else if (v instanceof List<?> l && l.stream().anyMatch(i -> !(i instanceof YamlTree.Comment))) {
            out.append('\n');
            sequence(l, nestedIndent, false);
        } else if (v instanceof List<?>) {
            out.append(" []\n");
        } else {
            out.append(' ').append(scalarValue(v, literalIndent)).append('\n');
        }
    }

    private void sequence(List<?> items, int indent, boolean onDashLine) {
        lines(items, item -> item, indent, onDashLine, item -> {
            out.append('-');
            if (item instanceof YamlTree.Mapping m && hasContent(m.entries())) {
                out.append(' ');
                mapping(m, indent + 2, true);
            } else if (item instanceof List<?> l && l.stream().anyMatch(i -> !(i instanceof YamlTree.Comment))) {
                out.append(' ');
                sequence(l, indent + 2, true);
            } else {
                value(item, indent + 2, indent + 2);
            }
        });
    }

    private static boolean hasContent(List<YamlTree.Entry> entries) {
        return entries.stream().anyMatch(e -> !(e.key() instanceof YamlTree.Comment));
    }

    private void comments(List<YamlTree.Comment> comments, int indent) {
        for (YamlTree.Comment c : comments) {
            out.append(" ".repeat(indent)).append('#').append(c.value()).append('\n');
        }
    }

    private String scalarValue(Object v, int literalIndent) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            return GoYamlScalars.formatFloat(d);
        }
        if (v instanceof Boolean || v instanceof Number) { // Long, and integers beyond 64 bits
            return v.toString();
        }
        String s = v instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : v.toString();
        return scalar(s, false, literalIndent);
    }

    private static String scalar(String s, boolean key, int literalIndent) {
        return switch (GoYamlStyle.of(s, key)) {
            case PLAIN -> s;
            case SINGLE -> GoYamlStyle.singleQuoted(s);
            case DOUBLE -> GoYamlStyle.doubleQuoted(s);
            case LITERAL -> literal(s, literalIndent);
        };
    }

    /** A literal block: indentation hint when it starts with a space or break, chomping from its end. */
    private static String literal(String s, int indent) {
        StringBuilder b = new StringBuilder("|");
        if (s.charAt(0) == ' ' || s.charAt(0) == '\n') {
            b.append(INDENT);
        }
        if (!s.endsWith("\n")) {
            b.append('-');
        } else if (s.length() == 1 || s.endsWith("\n\n")) {
            b.append('+');
        }
        String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        for (String line : body.split("\n", -1)) {
            b.append('\n');
            if (!line.isEmpty()) {
                b.append(" ".repeat(indent)).append(line);
            }
        }
        return b.toString();
    }

    private static int align(int indent) {
        return INDENT * ((indent + INDENT) / INDENT);
    }
}
