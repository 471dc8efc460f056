package io.jenkins.plugins.gitopssync.engine.substitute;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

/**
 * Flux's variable expansion (fluxcd/pkg/envsubst) over a text: {@code ${var}}; defaults {@code ${var:=d}},
 * {@code ${var:-d}}, {@code ${var=d}} (each taken when the value is empty or undefined, and {@code d} may
 * hold expressions); {@code ${#var}}, {@code ${var^}}, {@code ${var^^}}, {@code ${var,}}, {@code ${var,,}},
 * {@code ${var:n}}, {@code ${var:n:len}}, {@code ${var/a/b}}, {@code ${var//a/b}}, {@code ${var/#a/b}},
 * {@code ${var/%a/b}}; {@code $$} writes one {@code $}, so {@code $${var}} is the text {@code ${var}};
 * {@code $var} without braces is left as it is. The lookup gives null for an undefined variable; then a
 * plain reference is an error (strict) unless the lookup gives "" for every name (not strict).
 */
final class Envsubst {

    private final String in;
    private final Function<String, String> lookup;
    private int pos;

    private Envsubst(String in, Function<String, String> lookup) {
        this.in = in;
        this.lookup = lookup;
    }

    static String eval(String text, Function<String, String> lookup) throws SubstitutionException {
        Envsubst e = new Envsubst(text, lookup);
        StringBuilder out = new StringBuilder();
        while (e.pos < text.length()) {
            if (e.startsWith("$$")) { // so "$${var}" is the text "${var}"
                out.append('$');
                e.pos += 2;
            } else if (e.startsWith("${")) {
                e.pos += 2;
                out.append(e.function());
            } else {
                out.append(text.charAt(e.pos++));
            }
        }
        return out.toString();
    }

    private boolean startsWith(String s) {
        return in.startsWith(s, pos);
    }

    private char peek() {
        return pos < in.length() ? in.charAt(pos) : 0;
    }

    /** After "${": the expression up to its closing brace, evaluated. */
    private String function() throws SubstitutionException {
        if (peek() == '#') {
            pos++;
            String name = name();
            expect('}');
            return String.valueOf(value(name, false).getBytes(StandardCharsets.UTF_8).length);
        }
        String name = name();
        char c = peek();
        if (c == '}') {
            pos++;
            return value(name, false);
        }
        if (c == ':' && pos + 1 < in.length() && "=-?+".indexOf(in.charAt(pos + 1)) >= 0) {
            pos += 2;
            return defaulted(name);
        }
        if (c == '=') {
            pos++;
            return defaulted(name);
        }
        if (c == ':') {
            pos++;
            return substring(name);
        }
        if (c == ',' || c == '^') {
            return casing(name);
        }
        if (c == '/') {
            return replace(name);
        }
        if (c == '#' || c == '%') {
            throw new SubstitutionException("${" + name + c + "…} (pattern removal) is not supported");
        }
        throw new SubstitutionException("missing closing brace after ${" + name);
    }

    private String name() throws SubstitutionException {
        int start = pos;
        while (pos < in.length() && (Character.isLetterOrDigit(in.charAt(pos)) || in.charAt(pos) == '_')) {
            pos++;
        }
        if (pos == start) {
            throw new SubstitutionException("unable to parse variable name at '${" + in.substring(start, Math.min(in.length(), start + 10)) + "'");
        }
        return in.substring(start, pos);
    }

    private void expect(char c) throws SubstitutionException {
        if (peek() != c) {
            throw new SubstitutionException("bad substitution: expected '" + c + "'");
        }
        pos++;
    }

    private String value(String name, boolean hasDefault) throws SubstitutionException {
        String v = lookup.apply(name);
        if (v == null && !hasDefault) {
            throw new UndefinedVariable(name);
        }
        return v == null ? "" : v;
    }

    /** Text and nested expressions up to the closing brace (or up to any of {@code stops}). */
    private String param(String stops) throws SubstitutionException {
        return param(stops, false);
    }

    /** With {@code escapes}, {@code \/} and {@code \\} stand for / and \ (in a replacement's pattern and text). */
    private String param(String stops, boolean escapes) throws SubstitutionException {
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= in.length()) {
                throw new SubstitutionException("missing closing brace");
            }
            if (escapes && peek() == '\\' && pos + 1 < in.length() && "/\\".indexOf(in.charAt(pos + 1)) >= 0) {
                out.append(in.charAt(pos + 1));
                pos += 2;
            } else if (startsWith("${")) {
                pos += 2;
                out.append(function());
            } else if (stops.indexOf(peek()) >= 0) {
                return out.toString();
            } else {
                out.append(in.charAt(pos++));
            }
        }
    }

    private String defaulted(String name) throws SubstitutionException {
        String fallback = param("}");
        pos++;
        String v = value(name, true);
        return v.isEmpty() ? fallback : v;
    }

    private String substring(String name) throws SubstitutionException {
        String offset = param(":}");
        String length = null;
        if (peek() == ':') {
            pos++;
            length = param("}");
        }
        pos++;
        String v = value(name, false);
        int start;
        try {
            start = Integer.parseInt(offset.strip());
        } catch (NumberFormatException e) {
            return v; // as bash: the value when the offset is not a number
        }
        byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
        start = start < 0 ? Math.max(0, bytes.length + start) : start;
        if (start >= bytes.length) {
            return "";
        }
        int end = bytes.length;
        if (length != null) {
            try {
                end = Math.min(bytes.length, start + Integer.parseInt(length.strip()));
            } catch (NumberFormatException e) {
                return v;
            }
        }
        return new String(bytes, start, Math.max(0, end - start), StandardCharsets.UTF_8);
    }

    private String casing(String name) throws SubstitutionException {
        int start = pos;
        while (pos - start < 2 && (peek() == ',' || peek() == '^')) {
            pos++;
        }
        String op = in.substring(start, pos);
        expect('}');
        String v = value(name, false);
        if (v.isEmpty()) {
            return v;
        }
        return switch (op) {
            case "^^" -> v.toUpperCase(Locale.ROOT);
            case ",," -> v.toLowerCase(Locale.ROOT);
            case "^" -> v.substring(0, v.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT) + v.substring(v.offsetByCodePoints(0, 1));
            case "," -> v.substring(0, v.offsetByCodePoints(0, 1)).toLowerCase(Locale.ROOT) + v.substring(v.offsetByCodePoints(0, 1));
            default -> throw new SubstitutionException("bad substitution: ${" + name + op + "}");
        };
    }

    private String replace(String name) throws SubstitutionException {
        pos++; // the first '/'
        String op = "/";
        if (peek() == '/' || peek() == '#' || peek() == '%') {
            op += peek();
            pos++;
        }
        String pattern = param("/}", true);
        if (peek() != '/') {
            throw new SubstitutionException("bad substitution: ${" + name + op + pattern + "} needs a second '/'");
        }
        pos++;
        String replacement = peek() == '}' ? "" : param("}", true);
        pos++;
        String v = value(name, false);
        return switch (op) {
            case "//" -> pattern.isEmpty() ? v : v.replace(pattern, replacement);
            case "/#" -> v.startsWith(pattern) ? replacement + v.substring(pattern.length()) : v;
            case "/%" -> v.endsWith(pattern) ? v.substring(0, v.length() - pattern.length()) + replacement : v;
            default -> replaceFirst(v, pattern, replacement);
        };
    }

    private static String replaceFirst(String v, String pattern, String replacement) {
        int at = v.indexOf(pattern);
        return at < 0 ? v : v.substring(0, at) + replacement + v.substring(at + pattern.length());
    }


    /** A reference to a variable that is not defined (strict mode). */
    static final class UndefinedVariable extends SubstitutionException {
        private final String name;

        UndefinedVariable(String name) {
            super("variable '" + name + "' is not defined");
            this.name = name;
        }

        String name() {
            return name;
        }
    }
}
