package io.jenkins.plugins.gitopssync.engine.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretValuesTest {

    @Test
    void credentialsAreMaskedWhateverTheirLengthDocumentValuesFromFourCharacters() {
        SecretValues secrets = SecretValues.ofCredentials(List.of("new-pass", "abc"));
        secrets.add("xyz");
        secrets.add("found-in-a-file");

        assertThat(secrets.mask("pw new-pass, b64 bmV3LXBhc3M=, short abc, doc xyz, found-in-a-file"))
                .isEqualTo("pw ***, b64 ***, short ***, doc xyz, ***");
        assertThat(new SecretValues().mask("new-pass")).isEqualTo("new-pass");
    }

    @Test
    void eachLineOfAMultiLineValueIsMaskedToo() {
        SecretValues secrets = new SecretValues();
        secrets.add("line-one\nline-two");

        assertThat(secrets.mask("a: line-two")).isEqualTo("a: ***");
    }

    @Test
    void aRotatedValueOnTheOtherSideOfADiffIsMaskedToo() {
        SecretValues secrets = SecretValues.ofCredentials(List.of("new-pass"));
        String diff = """
                --- live/ConfigMap/ns/app
                +++ desired/ConfigMap/ns/app
                @@ -1,4 +1,4 @@
                 data:
                -  password: old-pass
                +  password: new-pass
                -  url: https://user:old-pass@db
                +  url: https://user:new-pass@db
                   plain: old-value
                -  color: blue
                +  color: green
                """;

        assertThat(secrets.maskDiff(diff)).isEqualTo("""
                --- live/ConfigMap/ns/app
                +++ desired/ConfigMap/ns/app
                @@ -1,4 +1,4 @@
                 data:
                -  password: ***
                +  password: ***
                -  url: https://user:***
                +  url: https://user:***@db
                   plain: old-value
                -  color: blue
                +  color: green
                """);
    }
}
