package io.jenkins.plugins.gitopssync.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceIgnoreTest {

    private static final SourceIgnore RULES = SourceIgnore.empty()
            .with("", List.of(
                    "# comment",
                    "",
                    "*.tmp",
                    "/build/",
                    "docs",
                    "**/fixtures/**",
                    "a?c.yaml",
                    "logs/**/debug.yaml",
                    "img[0-9].yaml",
                    "\\#hash.yaml",
                    "keep*.yaml",
                    "!keep-me.yaml",
                    "trailing.yaml   "))
            .with("sub", List.of(
                    "/local.yaml",
                    "!important.tmp"));

    @ParameterizedTest(name = "{0} dir={1} -> {2}")
    @CsvSource({
            "x.tmp, false, true",
            "deep/in/x.tmp, false, true",
            "x.tmp.yaml, false, false",
            "build, true, true",
            "build, false, false",
            "src/build, true, false",
            "build/out.yaml, false, true",
            "docs, false, true",
            "docs, true, true",
            "a/docs/readme.yaml, false, true",
            "fixtures/x.yaml, false, true",
            "a/b/fixtures/c/x.yaml, false, true",
            "abc.yaml, false, true",
            "abbc.yaml, false, false",
            "a/c.yaml, false, false",
            "logs/debug.yaml, false, true",
            "logs/a/b/debug.yaml, false, true",
            "other/logs/debug.yaml, false, false",
            "img1.yaml, false, true",
            "imgx.yaml, false, false",
            "#hash.yaml, false, true",
            "keep-you.yaml, false, true",
            "keep-me.yaml, false, false",
            "trailing.yaml, false, true",
            "sub/local.yaml, false, true",
            "local.yaml, false, false",
            "sub/deeper/local.yaml, false, false",
            "sub/important.tmp, false, false",
            "important.tmp, false, true",
            "'', true, false",
    })
    void gitignoreSemantics(String path, boolean directory, boolean ignored) {
        assertThat(RULES.isIgnored(path, directory)).isEqualTo(ignored);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "build/keep-me.yaml",
            "docs/keep-me.yaml",
    })
    void aFileBelowAnIgnoredDirectoryCannotBeReincluded(String path) {
        assertThat(RULES.isIgnored(path, false)).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "deploy, true, false",
            "deploy/app.yaml, false, false",
            "deploy/nested/app.yaml, false, false",
            "src, true, true",
            "src/app.yaml, false, true",
            "README.yaml, false, true",
    })
    void excludeEverythingButOneDirectory(String path, boolean directory, boolean ignored) {
        SourceIgnore onlyDeploy = SourceIgnore.empty().with("", List.of("/*", "!/deploy/"));
        assertThat(onlyDeploy.isIgnored(path, directory)).isEqualTo(ignored);
    }
}
