package io.jenkins.plugins.gitopssync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetNames;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/** Default ApplySet names and durations as the command line derives and reads them. */
class OptionsTest {

    private static final Path CWD = Path.of("/");

    /** What {@link ApplySetOptions#name} derives when --applyset is not given. */
    private static String derive(RepoLocation repo, String path) {
        return ApplySetNames.forRepository(repo.shortName(), repo.url(), path);
    }

    @Test
    void derivedApplySetNameIsReadableStableAndDns1123() {
        RepoLocation shop = RepoLocation.parse("https://git.example/org/Shop.git", CWD);
        String name = derive(shop, ".");
        assertThat(name).matches("shop-[0-9a-f]{8}");
        assertThat(derive(shop, "./")).isEqualTo(name);
        assertThat(derive(RepoLocation.parse("https://git.example/org/Shop.git", CWD), "")).isEqualTo(name);

        String overlay = derive(shop, "./overlays/Staging_EU/");
        assertThat(overlay).matches("shop-overlays-staging-eu-[0-9a-f]{8}");
        assertThat(derive(RepoLocation.parse("https://other.example/org/shop.git", CWD), "."))
                .as("same repository name elsewhere is another inventory").isNotEqualTo(name);

        String longName = derive(shop, "a/".repeat(60) + "end");
        assertThat(longName).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        assertThat(derive(RepoLocation.parse("git@git.example:org/infra.git", CWD), "apps"))
                .matches("infra-apps-[0-9a-f]{8}");
    }

    /** git's reading (the engine's GitUrls): scp-like with or without a user, a scheme, or a path. */
    @Test
    void repositoryUrlsAreReadAsGitReadsThem() {
        assertThat(RepoLocation.parse("git.example:org/infra.git", CWD).kind()).isEqualTo(RepoLocation.Kind.REMOTE);
        assertThat(RepoLocation.parse("git@git.example:org/infra.git", CWD).kind()).isEqualTo(RepoLocation.Kind.REMOTE);
        assertThat(RepoLocation.parse("ssh://git@git.example/org/infra.git", CWD).kind()).isEqualTo(RepoLocation.Kind.REMOTE);
        assertThatThrownBy(() -> RepoLocation.parse("https://ci:token@git.example/org/infra.git", CWD))
                .hasMessageContaining("holds a password or token").hasMessageNotContaining("token@");
        assertThatThrownBy(() -> RepoLocation.parse("./no:such", CWD)).hasMessageContaining("no such directory");
    }

    @Test
    void fileUrlAndPathOfOneRepositoryAreTheSameSource(@org.junit.jupiter.api.io.TempDir Path dir) {
        RepoLocation asPath = RepoLocation.parse(dir.toString(), CWD);
        RepoLocation asUrl = RepoLocation.parse(dir.toUri().toString(), CWD);
        assertThat(asUrl).isEqualTo(asPath);
        assertThat(asUrl.kind()).isEqualTo(RepoLocation.Kind.PLAIN_DIRECTORY);
        assertThat(derive(asUrl, "x")).isEqualTo(derive(asPath, "./x/"));
    }

    @Test
    void invalidApplySetNameIsRejected() {
        ApplySetOptions o = new ApplySetOptions();
        o.applySet = "Not_Valid";
        assertThatThrownBy(() -> o.name(new SourceOptions(), null)).isInstanceOf(SyncException.class)
                .hasMessageContaining("--applyset: invalid ApplySet name 'Not_Valid'");
    }

    @Test
    void syncWaitsByDefaultAndNoWaitTurnsItOff() {
        assertThat(parseSync().waitForHealth()).isTrue();
        assertThat(parseSync("--wait").waitForHealth()).isTrue();
        assertThat(parseSync("--no-wait").waitForHealth()).isFalse();
        assertThat(parseSync().timeout()).as("the engine's default applies").isNull();
        assertThat(parseSync("--timeout", "90").timeout()).isEqualTo(Duration.ofSeconds(90));
    }

    private static SyncCommand parseSync(String... args) {
        SyncCommand sync = new SyncCommand();
        new CommandLine(sync).parseArgs(args);
        return sync;
    }

    @Test
    void durationsInFluxStyle() {
        DurationConverter c = new DurationConverter();
        assertThat(c.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.convert("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(c.convert("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(c.convert("120")).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.convert("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> c.convert("5 minutes")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> c.convert("m5")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> c.convert("0s")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("longer than zero");
    }
}
