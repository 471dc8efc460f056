package io.jenkins.plugins.gitopssync.engine.goyaml;

/**
 * Which quoting go-yaml v3's emitter gives a string (its scalar analysis), and the quoted forms it writes.
 * A string with a line break is a literal block when the emitter allows one.
 */
public final class GoYamlStyle {

    enum Style { PLAIN, SINGLE, DOUBLE, LITERAL }

    private GoYamlStyle() {
    }

    /** The style of {@code s} as a mapping value or sequence item ({@code key} false) or as a mapping key. */
    static Style of(String s, boolean key) {
        Analysis a = analyze(s);
        Style style = s.contains("\n") ? Style.LITERAL : GoYamlScalars.canBePlain(s) ? Style.PLAIN : Style.DOUBLE;
        if (style == Style.PLAIN && (!(key ? a.flowPlain : a.blockPlain) || (s.isEmpty() && key))) {
            style = Style.SINGLE;
        }
        if (style == Style.SINGLE && !a.single) {
            style = Style.DOUBLE;
        }
        if (style == Style.LITERAL && (!a.block || key)) {
            style = Style.DOUBLE;
        }
        return style;
    }

    private static final class Analysis {
        boolean flowPlain = true;
        boolean blockPlain = true;
        boolean single = true;
        boolean block = true;
    }

    private static Analysis analyze(String s) {
        Analysis a = new Analysis();
        if (s.isEmpty()) {
            a.flowPlain = a.blockPlain = a.block = false;
            return a;
        }
        boolean flowIndicators = s.startsWith("---") || s.startsWith("...");
        boolean blockIndicators = flowIndicators;
        boolean leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
        boolean breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
        boolean lineBreaks = false, special = false;
        boolean precededByWhitespace = true;
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            boolean followedByWhitespace = i + 1 >= cps.length || isBlankOrBreak(cps[i + 1]);
            if (i == 0) {
                if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0) {
                    flowIndicators = blockIndicators = true;
                }
                if (c == '?' || c == ':') {
                    flowIndicators = true;
                    blockIndicators |= followedByWhitespace;
                }
                if (c == '-' && followedByWhitespace) {
                    flowIndicators = blockIndicators = true;
                }
            } else {
                if (",?[]{}".indexOf(c) >= 0) {
                    flowIndicators = true;
                }
                if (c == ':') {
                    flowIndicators = true;
                    blockIndicators |= followedByWhitespace;
                }
                if (c == '#' && precededByWhitespace) {
                    flowIndicators = blockIndicators = true;
                }
            }
            if (!printable(c)) {
                special = true;
            }
            if (isBreak(c)) {
                lineBreaks = true;
            }
            if (c == ' ') {
                leadingSpace |= i == 0;
                trailingSpace |= i == cps.length - 1;
                breakSpace |= previousBreak;
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak(c)) {
                leadingBreak |= i == 0;
                trailingBreak |= i == cps.length - 1;
                spaceBreak |= previousSpace;
                previousBreak = true;
                previousSpace = false;
            } else {
                previousSpace = previousBreak = false;
            }
            precededByWhitespace = isBlankOrBreak(c);
        }
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
            a.flowPlain = a.blockPlain = false;
        }
        if (trailingSpace) {
            a.block = false;
        }
        if (breakSpace) {
            a.flowPlain = a.blockPlain = a.single = false;
        }
        if (spaceBreak || special) {
            a.flowPlain = a.blockPlain = a.single = a.block = false;
        }
        if (lineBreaks) {
            a.flowPlain = a.blockPlain = false;
        }
        if (flowIndicators) {
            a.flowPlain = false;
        }
        if (blockIndicators) {
            a.blockPlain = false;
        }
        return a;
    }

    static boolean printable(int c) {
        return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
    }

    static boolean isBreak(int c) {
        return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    private static boolean isBlankOrBreak(int c) {
        return c == ' ' || c == '\t' || isBreak(c);
    }

    static String singleQuoted(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static String doubleQuoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (printable(c) && !isBreak(c) && c != '"' && c != '\\') {
                out.appendCodePoint(c);
                return;
            }
            String named = switch (c) {
                case 0 -> "0";
                case 7 -> "a";
                case 8 -> "b";
                case 9 -> "t";
                case 0x0A -> "n";
                case 0x0B -> "v";
                case 0x0C -> "f";
                case 0x0D -> "r";
                case 0x1B -> "e";
                case '"' -> "\"";
                case '\\' -> "\\";
                case 0x85 -> "N";
                case 0xA0 -> "_";
                case 0x2028 -> "L";
                case 0x2029 -> "P";
                default -> c <= 0xFF ? String.format("x%02X", c)
                        : c <= 0xFFFF ? String.format("u%04X", c) : String.format("U%08X", c);
            };
            out.append('\\').append(named);
        });
        return out.append('"').toString();
    }
}
