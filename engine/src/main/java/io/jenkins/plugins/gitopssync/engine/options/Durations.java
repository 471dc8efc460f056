package io.jenkins.plugins.gitopssync.engine.options;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar of every entry point: a number of seconds ("300"), units from the largest
 * down, each at most once ("1h30m", "90s", "2m500ms"), or ISO-8601 ("PT5M"). Upper or lower case.
 * The union of what the command line and the plugin used to accept, minus the unit orders nobody means
 * ("30m1h", "5s5s").
 */
public final class Durations {

    private static final Pattern SECONDS = Pattern.compile("\\d+");
    private static final Pattern UNITS = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final String ACCEPTED = "a number of seconds (300) or units from hours down (90s, 5m, 1h30m, 250ms) or ISO-8601 (PT5M)";

    private Durations() {
    }

    /** @throws IllegalArgumentException naming the text and what is accepted */
    public static Duration parse(String text) {
        try {
            return parseUnchecked(text);
        } catch (ArithmeticException e) {
            // digits beyond what a Duration holds
            throw notADuration(text);
        }
    }

    private static Duration parseUnchecked(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (SECONDS.matcher(t).matches()) {
            return Duration.ofSeconds(num(t));
        }
        if (t.startsWith("pt")) {
            return iso(text, t);
        }
        Matcher m = UNITS.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            throw notADuration(text);
        }
        return Duration.ofHours(num(m.group(1))).plusMinutes(num(m.group(2)))
                .plusSeconds(num(m.group(3))).plusMillis(num(m.group(4)));
    }

    /**
     * A limit such as a timeout: blank means {@code whenBlank}; zero or less is refused, since a zero
     * limit can only fail.
     */
    public static Duration parseLimit(String text, Duration whenBlank) {
        if (text == null || text.isBlank()) {
            return whenBlank;
        }
        Duration d = parse(text);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("'" + text.trim() + "' must be longer than zero");
        }
        return d;
    }

    /** The shortest text {@link #parse} reads back as the same duration: "1h30m", "90ms", "0s". */
    public static String format(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("negative duration " + d);
        }
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder s = new StringBuilder();
        append(s, d.toHours(), "h");
        append(s, d.toMinutesPart(), "m");
        append(s, d.toSecondsPart(), "s");
        append(s, d.toMillisPart(), "ms");
        if (d.toNanosPart() % 1_000_000 != 0) {
            throw new IllegalArgumentException("durations are written to the millisecond: " + d);
        }
        return s.toString();
    }

    private static void append(StringBuilder s, long n, String unit) {
        if (n > 0) {
            s.append(n).append(unit);
        }
    }

    private static Duration iso(String text, String lower) {
        try {
            Duration d = Duration.parse(lower.toUpperCase(Locale.ROOT));
            if (d.isNegative()) {
                throw notADuration(text);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw notADuration(text);
        }
    }

    private static IllegalArgumentException notADuration(String text) {
        return new IllegalArgumentException("'" + (text == null ? "" : text.trim()) + "' is not a duration: " + ACCEPTED);
    }

    private static long num(String group) {
        if (group == null) {
            return 0;
        }
        try {
            return Long.parseLong(group);
        } catch (NumberFormatException e) {
            throw new ArithmeticException("too large: " + group);
        }
    }
}
