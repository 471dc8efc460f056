package io.jenkins.plugins.gitopssync.engine.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /**
     * The render decrypts files on several threads, each adding what it decrypted: no value may be lost. A lost one was
     * printed in clear by `build` once, in a run on a loaded machine (SopsCliTest): the list masked from was replaced
     * by a thread that had sorted it before another thread's value arrived. The race needs a thread descheduled at
     * that moment, so this stress does not catch it every time; it guards the rule that every value added is masked.
     */
    @Test
    void valuesAddedFromManyThreadsAtOnceAreAllMasked() throws Exception {
        for (int round = 0; round < 20; round++) {
            SecretValues secrets = new SecretValues();
            int threads = 8;
            int each = 100;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < each; i++) {
                            secrets.add("value-" + thread + "-" + i + "-" + "x".repeat(i % 7));
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            for (int t = 0; t < threads; t++) {
                for (int i = 0; i < each; i++) {
                    String v = "value-" + t + "-" + i + "-" + "x".repeat(i % 7);
                    assertThat(secrets.mask("[" + v + "]")).as("round %d", round).isEqualTo("[***]");
                }
            }
        }
    }
}
