package io.jenkins.plugins.gitopssync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyncRequestTest {

    private static final ManifestSource SOURCE = new ManifestSource(Path.of("."), "abc", ".");

    @Test
    void anOptionNotSetHasItsNamedDefault() {
        SyncRequest r = SyncRequest.builder(SOURCE, "shop").build();
        assertThat(r.applySetNamespace()).isEqualTo(SyncRequest.DEFAULT_NAMESPACE).isEqualTo("default");
        assertThat(r.defaultNamespace()).isEqualTo("default");
        assertThat(r.targetNamespace()).isNull();
        assertThat(r.prune()).isEqualTo(SyncRequest.DEFAULT_PRUNE).isFalse();
        assertThat(r.allowEmpty()).isFalse();
        assertThat(r.dryRun()).isFalse();
        assertThat(r.force()).isFalse();
        assertThat(r.waitForHealth()).as("every entry point waits by default").isTrue();
        assertThat(r.timeout()).isEqualTo(SyncRequest.DEFAULT_TIMEOUT).isEqualTo(Duration.ofMinutes(5));
        assertThat(r.concurrency()).isEqualTo(SyncRequest.DEFAULT_CONCURRENCY).isEqualTo(16);
        assertThat(r.leaseDuration()).isEqualTo(SyncRequest.DEFAULT_LEASE_DURATION).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void unsetOrMeaninglessValuesFallBackToTheDefaults() {
        SyncRequest r = SyncRequest.builder(SOURCE, "shop").applySetNamespace(" ").targetNamespace("")
                .timeout(null).concurrency(0).leaseDuration(Duration.ofMillis(10)).build();
        assertThat(r.applySetNamespace()).isEqualTo("default");
        assertThat(r.targetNamespace()).isNull();
        assertThat(r.timeout()).isEqualTo(SyncRequest.DEFAULT_TIMEOUT);
        assertThat(r.concurrency()).isEqualTo(SyncRequest.DEFAULT_CONCURRENCY);
        assertThat(r.leaseDuration()).isEqualTo(SyncRequest.DEFAULT_LEASE_DURATION);
    }

    /** One bound for every front end: 0 is the default, 1 to 64 are used, anything else is refused. */
    @Test
    void concurrencyOutOfBoundsIsRefused() {
        assertThat(SyncRequest.builder(SOURCE, "shop").concurrency(SyncRequest.MAX_CONCURRENCY).build().concurrency())
                .isEqualTo(64);
        assertThat(SyncRequest.concurrencyProblem(0)).isEmpty();
        for (int bad : new int[] {-1, SyncRequest.MAX_CONCURRENCY + 1}) {
            assertThat(SyncRequest.concurrencyProblem(bad)).get().asString().contains("concurrency " + bad)
                    .contains("1 to 64");
            assertThatThrownBy(() -> SyncRequest.builder(SOURCE, "shop").concurrency(bad).build())
                    .isInstanceOf(SyncException.class).hasMessageContaining("out of bounds");
        }
    }

    @Test
    void theObjectsNamespaceFollowsTheInventorysUnlessGiven() {
        assertThat(SyncRequest.builder(SOURCE, "shop").applySetNamespace("ops").build().defaultNamespace()).isEqualTo("ops");
        assertThat(SyncRequest.builder(SOURCE, "shop").applySetNamespace("ops").defaultNamespace("shop").build()
                .defaultNamespace()).isEqualTo("shop");
    }
}
