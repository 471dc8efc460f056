package io.jenkins.plugins.gitopssync.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApplySetNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"shop", "shop-prod", "a.b-c", "x1"})
    void validNames(String name) {
        assertThatCode(() -> SyncRun.checkApplySetName(name)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Shop", "-shop", "shop-", "a/b", "a_b"})
    void invalidNamesAreRefusedBeforeAnythingHappens(String name) {
        assertThatThrownBy(() -> SyncRun.checkApplySetName(name)).isInstanceOf(SyncException.class)
                .hasMessageContaining("ApplySet name");
    }
}
