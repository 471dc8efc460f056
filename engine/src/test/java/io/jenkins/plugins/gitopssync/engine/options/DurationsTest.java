package io.jenkins.plugins.gitopssync.engine.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({
            "300, 300000",
            "0, 0",
            "90s, 90000",
            "5m, 300000",
            "1h30m, 5400000",
            "1h30m15s, 5415000",
            "2m500ms, 120500",
            "250ms, 250",
            "1H, 3600000",
            "' 45s ', 45000",
            "PT5M, 300000",
            "pt1m30s, 90000",
    })
    void readsSecondsUnitsAndIso(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "5 minutes", "m5", "30m1h", "5s5s", "1d", "-5s", "PT-5M", "PTx", "1.5m",
            "99999999999999999999", "9999999999999999h"})
    void refusesEverythingElseSayingWhatIsAccepted(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a duration: a number of seconds (300) or units from hours down (90s, 5m, 1h30m");
    }

    @Test
    void aLimitIsDefaultWhenBlankAndNeverZero() {
        Duration fallback = Duration.ofMinutes(5);
        assertThat(Durations.parseLimit(null, fallback)).isSameAs(fallback);
        assertThat(Durations.parseLimit("  ", fallback)).isSameAs(fallback);
        assertThat(Durations.parseLimit("10s", fallback)).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> Durations.parseLimit("0s", fallback)).hasMessage("'0s' must be longer than zero");
        assertThatThrownBy(() -> Durations.parseLimit("PT0S", fallback)).hasMessageContaining("longer than zero");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "250ms", "90s", "5m", "1h30m", "26h1m1s1ms"})
    void formatReadsBackAsTheSameDuration(String text) {
        assertThat(Durations.format(Durations.parse(text))).isEqualTo(text.equals("90s") ? "1m30s" : text);
        assertThat(Durations.parse(Durations.format(Durations.parse(text)))).isEqualTo(Durations.parse(text));
    }

    @Test
    void formatRefusesWhatTheGrammarCannotWrite() {
        assertThatThrownBy(() -> Durations.format(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Durations.format(Duration.ofNanos(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
