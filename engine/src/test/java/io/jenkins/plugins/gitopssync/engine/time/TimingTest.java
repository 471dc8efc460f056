package io.jenkins.plugins.gitopssync.engine.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimingTest {

    @Test
    void productionUsesTheSystemClocksAPollASecondAndTenSecondsToRelease() {
        assertThat(Timing.SYSTEM.wall().getZone()).isEqualTo(Clock.systemUTC().getZone());
        long before = System.nanoTime();
        assertThat(Timing.SYSTEM.nanos().getAsLong()).isBetween(before, System.nanoTime());
        assertThat(Timing.SYSTEM.healthPoll()).isEqualTo(Duration.ofSeconds(1));
        assertThat(Timing.SYSTEM.leaseRelease()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void eachWithChangesOnlyItsPart() {
        Timing t = Timing.SYSTEM.withHealthPoll(Duration.ofMillis(200)).withLeaseRelease(Duration.ofSeconds(1));
        assertThat(t.healthPoll()).isEqualTo(Duration.ofMillis(200));
        assertThat(t.leaseRelease()).isEqualTo(Duration.ofSeconds(1));
        assertThat(t.wall()).isSameAs(Timing.SYSTEM.wall());
        assertThat(t.withClocks(Clock.systemUTC(), () -> 42).nanos().getAsLong()).isEqualTo(42);
    }

    @Test
    void aWaitOfZeroIsRefused() {
        assertThatThrownBy(() -> Timing.SYSTEM.withHealthPoll(Duration.ZERO)).hasMessageContaining("healthPoll");
        assertThatThrownBy(() -> Timing.SYSTEM.withLeaseRelease(Duration.ofSeconds(-1))).hasMessageContaining("leaseRelease");
    }
}
