package io.jenkins.plugins.gitopssync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The engine is compiled and tested (engine/) against the JGit and BouncyCastle versions of the root POM; in
 * Jenkins it runs with git-client's JGit and bouncycastle-api's BouncyCastle, which is what this module's tests
 * load. When a BOM update moves either, this says which version the root POM must follow.
 */
class EngineLibrariesTest {

    @Test
    void theEngineIsBuiltWithTheJGitAndBouncyCastleOfTheApiPlugins() throws Exception {
        String rootPom = Files.readString(Path.of("..", "pom.xml"));

        assertThat(property(rootPom, "jgit.version"))
                .as("the root POM's jgit.version against git-client's JGit").isEqualTo(jarVersion(org.eclipse.jgit.lib.Repository.class, "org.eclipse.jgit"));
        assertThat(property(rootPom, "bouncycastle.version"))
                .as("the root POM's bouncycastle.version against bouncycastle-api's")
                .isEqualTo(jarVersion(org.bouncycastle.openpgp.PGPException.class, "bcpg-jdk18on"));
    }

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        if (!m.find()) {
            throw new AssertionError("no <" + name + "> in the root POM");
        }
        return m.group(1).trim();
    }

    /** The version in the name of the jar the class was loaded from, e.g. bcpg-jdk18on-1.84.jar. */
    private static String jarVersion(Class<?> type, String artifact) throws Exception {
        String jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
        if (!jar.startsWith(artifact + "-") || !jar.endsWith(".jar")) {
            throw new AssertionError(type.getName() + " came from " + jar + ", not from " + artifact);
        }
        return jar.substring(artifact.length() + 1, jar.length() - ".jar".length());
    }
}
