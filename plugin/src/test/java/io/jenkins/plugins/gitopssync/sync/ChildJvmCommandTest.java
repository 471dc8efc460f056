package io.jenkins.plugins.gitopssync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The child JVM's command line per java version: the class-data cache's flags, the heap limit, the agent's proxy
 * settings, the class path.
 */
class ChildJvmCommandTest {

    private static final List<String> JARS = List.of("/agent/gitops-sync/lib/a.jar", "/agent/gitops-sync/lib/b.jar");

    private static ChildJvmCommand command(String version, boolean archiveExists, int heap) {
        return new ChildJvmCommand("/opt/jdk", version, true, JARS, "/agent/gitops-sync/cache", archiveExists, true, heap, "run1");
    }

    @Test
    void aDiskThatWasJustGivenTheJarsGetsNoCacheWrittenButUsesOneItHas() {
        ChildJvmCommand fresh = new ChildJvmCommand("/opt/jdk", "17.0.15", true, JARS, "/c", false, false, 0, "run1");
        assertThat(fresh.archiveWritten()).isNull();
        assertThat(fresh.command()).noneMatch(a -> a.contains("Archive"));
        assertThat(new ChildJvmCommand("/opt/jdk", "21.0.2", true, JARS, "/c", false, false, 0, "run1").command())
                .noneMatch(a -> a.contains("Archive"));
        assertThat(new ChildJvmCommand("/opt/jdk", "17.0.15", true, JARS, "/c", true, false, 0, "run1").command())
                .anyMatch(a -> a.startsWith("-XX:SharedArchiveFile=/c/"));
    }

    @Test
    void jdk17WritesItsCacheAtTheExitOfARunWithoutOneUnderANameOfThatRuns() {
        ChildJvmCommand first = command("17.0.15", false, 0);
        String archive = "/agent/gitops-sync/cache/" + ChildJvmCommand.archiveName("/opt/jdk", "17.0.15", JARS);

        assertThat(first.archiveWritten()).isEqualTo(archive + ".tmp-run1");
        assertThat(ChildJvmCommand.archive(first.archiveWritten())).isEqualTo(archive);
        assertThat(first.command()).contains("-XX:ArchiveClassesAtExit=" + archive + ".tmp-run1")
                .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile") || a.startsWith("-Xmx"));
        ChildJvmCommand later = command("17.0.15", true, 0);
        assertThat(later.archiveWritten()).isNull();
        assertThat(later.command()).contains("-XX:SharedArchiveFile=" + archive).noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit"));
    }

    @Test
    void jdk19AndLaterKeepTheirCacheThemselves() {
        ChildJvmCommand c = command("25.0.1", false, 512);

        assertThat(c.archiveWritten()).isNull();
        assertThat(c.command()).contains("-XX:+AutoCreateSharedArchive", "-Xmx512m", "-Xlog:aot=off")
                .anyMatch(a -> a.startsWith("-XX:SharedArchiveFile=/agent/gitops-sync/cache/engine-25.0.1-"));
        assertThat(command("21.0.2", false, 0).command()).contains("-XX:+AutoCreateSharedArchive").doesNotContain("-Xlog:aot=off");
    }

    @Test
    void theAgentsJavaWithTheClientCompilerTheClassPathAndTheMainClassLast() {
        List<String> c = command("17.0.15", true, 0).command();

        assertThat(c.get(0)).isEqualTo("/opt/jdk/bin/java");
        assertThat(c).as("a crash report beside the caches, not in the checkout")
                .contains("-XX:ErrorFile=/agent/gitops-sync/cache/hs_err_pid%p.log");
        assertThat(c).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms64m", "-Xmn16m");
        assertThat(c.subList(c.size() - 3, c.size())).containsExactly("-cp", String.join(":", JARS), ChildJvmCommand.MAIN);
    }

    @Test
    void theAgentsProxySettingsAndNoOtherPropertyReachTheChild() {
        Map<String, String> agent = Map.of("https.proxyHost", "proxy.example.invalid", "https.proxyPort", "3128",
                "http.nonProxyHosts", "127.0.0.1|localhost", "user.home", "/home/agent", "java.class.path", "/agent.jar");
        List<String> c = new ChildJvmCommand("/opt/jdk", "17.0.15", true, JARS, "/c", true, false, 0, "run1", agent).command();

        assertThat(c).contains("-Dhttps.proxyHost=proxy.example.invalid", "-Dhttps.proxyPort=3128",
                "-Dhttp.nonProxyHosts=127.0.0.1|localhost").noneMatch(a -> a.contains("user.home") || a.contains("/agent.jar"));
        assertThat(c.indexOf("-Dhttps.proxyHost=proxy.example.invalid")).isLessThan(c.indexOf("-cp"));
    }

    @Test
    void theCacheIsNamedByTheClassPathAndTheJava() {
        String name = ChildJvmCommand.archiveName("/opt/jdk", "17.0.15", JARS);

        assertThat(ChildJvmCommand.archiveName("/opt/jdk", "17.0.16", JARS)).isNotEqualTo(name);
        assertThat(ChildJvmCommand.archiveName("/opt/other", "17.0.15", JARS)).isNotEqualTo(name);
        assertThat(ChildJvmCommand.archiveName("/opt/jdk", "17.0.15", JARS.subList(0, 1))).isNotEqualTo(name);
        assertThat(ChildJvmCommand.feature("17.0.15")).isEqualTo(17);
        assertThat(ChildJvmCommand.feature("1.8.0_402")).isEqualTo(8);
        assertThat(ChildJvmCommand.feature("25")).isEqualTo(25);
    }
}
