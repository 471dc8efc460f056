package io.jenkins.plugins.gitopssync.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamespaceNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"default", "shop-prod", "a", "x1"})
    void labelsAreNamespaces(String name) {
        assertThat(NamespaceNames.isValid(name)).isTrue();
        assertThat(NamespaceNames.isValid("a".repeat(63))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Shop", "shop.prod", "-shop", "shop-", "a_b"})
    void othersSayWhy(String name) {
        assertThat(NamespaceNames.problem(name)).hasValueSatisfying(m -> assertThat(m).contains("namespace"));
        assertThat(NamespaceNames.isValid("a".repeat(64))).as("longer than a label").isFalse();
    }

    @Test
    void aRefusalSaysWhatIsAllowed() {
        assertThat(NamespaceNames.problem("shop.prod")).hasValue("invalid namespace 'shop.prod': use lower-case letters,"
                + " digits and '-', starting and ending with a letter or digit, at most 63 characters");
        assertThat(NamespaceNames.problem(null)).hasValue("no namespace given");
    }
}
