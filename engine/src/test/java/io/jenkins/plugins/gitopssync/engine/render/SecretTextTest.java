package io.jenkins.plugins.gitopssync.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretTextTest {

    private final SecretText secrets = SecretText.of(List.of("new-pass", "abc"));

    @Test
    void masksValuesAndTheirBase64() {
        assertThat(secrets.mask("pw new-pass, b64 bmV3LXBhc3M=, short abc")).isEqualTo("pw ****, b64 ****, short ****");
        assertThat(SecretText.NONE.mask("new-pass")).isEqualTo("new-pass");
    }

    @Test
    void aRotatedValueOnTheOtherSideOfADiffIsMaskedToo() {
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
                -  password: ****
                +  password: ****
                -  url: https://user:****
                +  url: https://user:****@db
                   plain: old-value
                -  color: blue
                +  color: green
                """);
    }
}
