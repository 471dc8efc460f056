package io.jenkins.plugins.gitopssync.engine.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Ignore rules in gitignore syntax, as read from {@code .sourceignore} files (Flux's convention): a
 * file applies to its own directory and everything below it, later rules win over earlier ones, and
 * rules from deeper files come after those of their parents. Supported: comments, blank lines,
 * {@code !} negation, trailing {@code /} (directories only), leading or inner {@code /} (anchored to
 * the file's directory), {@code *}, {@code **}, {@code ?}, {@code [...]} and backslash escapes.
 * Immutable; {@link #with} returns an extended copy.
 */
public final class SourceIgnore {

    public static final String FILE_NAME = ".sourceignore";

    private static final SourceIgnore EMPTY = new SourceIgnore(List.of());

    private final List<Rule> rules;

    private SourceIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    public static SourceIgnore empty() {
        return EMPTY;
    }

    /**
     * Adds the rules of one ignore file.
     *
     * @param baseDir directory holding the file, relative to the walk's root, '/'-separated, "" for the root
     * @param lines   the file's lines
     */
    public SourceIgnore with(String baseDir, List<String> lines) {
        List<Rule> all = new ArrayList<>(rules);
        String base = baseDir == null || baseDir.equals(".") ? "" : trimSlashes(baseDir.replace('\\', '/'));
        for (String line : lines) {
            Rule rule = Rule.parse(base, line);
            if (rule != null) {
                all.add(rule);
            }
        }
        return all.size() == rules.size() ? this : new SourceIgnore(List.copyOf(all));
    }

    /**
     * Whether the path (relative to the walk's root, '/'-separated) is ignored, itself or through an
     * ignored parent directory (as in git, a file below an ignored directory cannot be re-included).
     */
    public boolean isIgnored(String path, boolean directory) {
        String p = trimSlashes(path);
        if (p.isEmpty()) {
            return false;
        }
        int slash = -1;
        while ((slash = p.indexOf('/', slash + 1)) >= 0) {
            if (matches(p.substring(0, slash), true)) {
                return true;
            }
        }
        return matches(p, directory);
    }

    /** The verdict for this very path, ignoring its parents. */
    private boolean matches(String path, boolean directory) {
        boolean ignored = false;
        for (Rule rule : rules) {
            if (rule.matches(path, directory)) {
                ignored = !rule.negated;
            }
        }
        return ignored;
    }

    private static String trimSlashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '/') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(start, end);
    }

    private record Rule(String base, Pattern pattern, boolean negated, boolean directoryOnly) {

        static Rule parse(String base, String raw) {
            String line = stripTrailingSpaces(raw);
            if (line.isEmpty() || line.startsWith("#")) {
                return null;
            }
            boolean negated = false;
            if (line.startsWith("!")) {
                negated = true;
                line = line.substring(1);
            }
            boolean directoryOnly = false;
            if (line.endsWith("/") && !line.endsWith("\\/")) {
                directoryOnly = true;
                line = line.substring(0, line.length() - 1);
            }
            // a slash at the start or in the middle anchors the pattern to the file's directory
            boolean anchored = line.indexOf('/') >= 0;
            if (line.startsWith("/")) {
                line = line.substring(1);
            }
            if (line.isEmpty()) {
                return null;
            }
            String regex = (anchored ? "" : "(?:.*/)?") + translate(line);
            return new Rule(base, Pattern.compile(regex), negated, directoryOnly);
        }

        boolean matches(String path, boolean directory) {
            if (directoryOnly && !directory) {
                return false;
            }
            String relative;
            if (base.isEmpty()) {
                relative = path;
            } else if (path.startsWith(base + "/")) {
                relative = path.substring(base.length() + 1);
            } else {
                return false;
            }
            return pattern.matcher(relative).matches();
        }

        /** Trailing spaces are ignored unless escaped with a backslash. */
        private static String stripTrailingSpaces(String line) {
            int end = line.length();
            while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t' || line.charAt(end - 1) == '\r')) {
                if (end >= 2 && line.charAt(end - 2) == '\\' && line.charAt(end - 1) == ' ') {
                    break;
                }
                end--;
            }
            return line.substring(0, end);
        }

        private static String translate(String glob) {
            StringBuilder re = new StringBuilder();
            int n = glob.length();
            for (int i = 0; i < n; i++) {
                char c = glob.charAt(i);
                if (c == '*') {
                    boolean doubleStar = i + 1 < n && glob.charAt(i + 1) == '*';
                    boolean atSegmentStart = i == 0 || glob.charAt(i - 1) == '/';
                    if (doubleStar && atSegmentStart) {
                        boolean atEnd = i + 2 == n;
                        boolean slashFollows = i + 2 < n && glob.charAt(i + 2) == '/';
                        if (atEnd) {
                            re.append(".*");
                            i += 1;
                            continue;
                        }
                        if (slashFollows) {
                            re.append("(?:.*/)?"); // "**/": zero or more directories
                            i += 2;
                            continue;
                        }
                    }
                    if (doubleStar) {
                        re.append("[^/]*");
                        i += 1;
                        continue;
                    }
                    re.append("[^/]*");
                } else if (c == '?') {
                    re.append("[^/]");
                } else if (c == '[') {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        re.append("\\[");
                        continue;
                    }
                    String body = glob.substring(i + 1, close);
                    StringBuilder cls = new StringBuilder("[");
                    int j = 0;
                    if (body.startsWith("!") || body.startsWith("^")) {
                        cls.append('^');
                        j = 1;
                    }
                    for (; j < body.length(); j++) {
                        char b = body.charAt(j);
                        if (b == '\\' && j + 1 < body.length()) {
                            cls.append('\\').append(body.charAt(++j));
                        } else if (b == '-') {
                            cls.append('-');
                        } else if (Character.isLetterOrDigit(b)) {
                            cls.append(b);
                        } else {
                            cls.append('\\').append(b);
                        }
                    }
                    re.append(cls).append(']');
                    i = close;
                } else if (c == '\\' && i + 1 < n) {
                    re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                } else if (Character.isLetterOrDigit(c) || c == '/') {
                    re.append(c);
                } else {
                    re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return re.toString();
        }
    }
}
