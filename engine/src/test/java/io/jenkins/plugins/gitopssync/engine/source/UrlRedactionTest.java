package io.jenkins.plugins.gitopssync.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlRedactionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://u:s3cret@host/x.git | https://host/x.git",
            "https://token-only@host/x.git | https://host/x.git",
            "ssh://git@host:22/org/x.git | ssh://host:22/org/x.git",
            "https://u:p@ss:w?rd#x@host/x | https://host/x",
            "https://host/org/x.git | https://host/org/x.git",
            "git@host:org/x.git | git@host:org/x.git",
            "fetch https://u:a@h/x and git+ssh://b:c@h/y, then https://h/z | fetch https://h/x and git+ssh://h/y, then https://h/z",
            "cannot fetch 'http://bob:pw@127.0.0.1:8080/r.git': 401 | cannot fetch 'http://127.0.0.1:8080/r.git': 401",
            "no url here, mail bob@example | no url here, mail bob@example",
            "/srv/repos/shop | /srv/repos/shop",
    })
    void dropsTheWholeUserPartOfEveryUrl(String text, String shown) {
        assertThat(UrlRedaction.redact(text)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://u:pa@ss@host/x | pa@ss",
            "https://u:p:w@host/x | p:w",
            "https://ghp_abcdef@host/x | ghp_abcdef",
    })
    void neverLeavesAPieceOfTheSecret(String url, String secret) {
        assertThat(UrlRedaction.redact("error: " + url)).doesNotContain(secret).doesNotContain("u:");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"NULL, NULL", "'', ''"})
    void nothingStaysNothing(String text, String shown) {
        assertThat(UrlRedaction.redact(text)).isEqualTo(shown);
    }
}
