package io.jenkins.plugins.gitopssync.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the {@code timeout} option: a number of seconds ("300") or a duration made of hours, minutes
 * and seconds ("90s", "5m", "1h30m"). Blank means the default, five minutes.
 */
public final class Durations {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private static final Pattern SECONDS = Pattern.compile("\\d+");
    private static final Pattern UNITS = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private Durations() {
    }

    /** @throws IllegalArgumentException with a message saying what is accepted */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        Duration d;
        if (SECONDS.matcher(t).matches()) {
            d = Duration.ofSeconds(Long.parseLong(t));
        } else {
            Matcher m = UNITS.matcher(t);
            if (!m.matches()) {
                throw new IllegalArgumentException("timeout '" + text + "' is not a number of seconds or a duration like 90s, 5m, 1h30m");
            }
            d = Duration.ofHours(num(m.group(1))).plusMinutes(num(m.group(2))).plusSeconds(num(m.group(3)));
        }
        if (d.isZero()) {
            throw new IllegalArgumentException("timeout must be longer than zero");
        }
        return d;
    }

    private static long num(String g) {
        return g == null ? 0 : Long.parseLong(g);
    }
}
