package io.jenkins.plugins.gitopssync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;

/**
 * JGit's signed jar travels to the child JVM unsigned (the JVM's class-data cache leaves signed jars' classes out,
 * and JDK 17's cache writer crashed on them): the same classes, no signature, the same copy every time; Bouncy
 * Castle's and unsigned jars travel as they are.
 */
class UnsignedJarTest {

    private static File jarOf(Class<?> k) throws Exception {
        return new File(k.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static List<String> signatureFiles(File jar) throws Exception {
        try (JarFile f = new JarFile(jar)) {
            return Collections.list(f.entries()).stream().map(JarEntry::getName)
                    .filter(n -> n.startsWith("META-INF/") && n.matches("(?i).*\\.(SF|RSA|DSA|EC)")).toList();
        }
    }

    @Test
    void jgitsSignedJarBecomesTheSameClassesUnsigned() throws Exception {
        File jgit = jarOf(Repository.class);
        assertThat(signatureFiles(jgit)).as("the test needs JGit's signed jar").isNotEmpty();

        File copy = ChildClassPath.unsigned(jgit);
        File again = ChildClassPath.unsigned(jgit);

        assertThat(signatureFiles(copy)).isEmpty();
        assertThat(ChildClassPath.sha256(copy.toPath())).as("the same copy every time: agents keep one")
                .isEqualTo(ChildClassPath.sha256(again.toPath()));
        try (JarFile original = new JarFile(jgit); JarFile unsigned = new JarFile(copy, true)) {
            assertThat(unsigned.getManifest().getEntries()).as("no per-entry digests").isEmpty();
            assertThat(unsigned.getManifest().getMainAttributes()).isEqualTo(original.getManifest().getMainAttributes());
            int classes = 0;
            for (JarEntry e : Collections.list(original.entries())) {
                if (!e.getName().endsWith(".class")) {
                    continue;
                }
                classes++;
                JarEntry u = unsigned.getJarEntry(e.getName());
                try (InputStream a = original.getInputStream(e); InputStream b = unsigned.getInputStream(u)) {
                    assertThat(b.readAllBytes()).as(e.getName()).isEqualTo(a.readAllBytes());
                }
                assertThat(u.getCodeSigners()).isNull();
            }
            assertThat(classes).isGreaterThan(1000);
        }
    }

    @Test
    void bouncyCastleAndUnsignedJarsTravelAsTheyAre() throws Exception {
        File bc = jarOf(Class.forName("org.bouncycastle.jce.provider.BouncyCastleProvider"));
        File ours = jarOf(UnsignedJarTest.class).isFile() ? jarOf(UnsignedJarTest.class) : jarOf(org.assertj.core.api.Assertions.class);

        assertThat(ChildClassPath.unsigned(bc)).isEqualTo(bc);
        assertThat(signatureFiles(ours)).isEmpty();
        assertThat(ChildClassPath.unsigned(ours)).isEqualTo(ours);
        assertThat(Path.of(ChildClassPath.unsigned(ours).getPath())).exists();
    }
}
