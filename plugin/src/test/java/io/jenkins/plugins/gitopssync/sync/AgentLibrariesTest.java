package io.jenkins.plugins.gitopssync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An install copies only what is missing and leaves no half-written jar (the copy to a real agent, one tar stream:
 * ChildJvmSyncTest).
 */
class AgentLibrariesTest {

    @TempDir
    Path tmp;

    private ChildClassPath.LibraryJar jar(String name, int size) throws Exception {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        Path f = Files.write(tmp.resolve(name), content);
        return new ChildClassPath.LibraryJar(f.toFile(), ChildClassPath.sha256(f));
    }

    @Test
    void onlyTheMissingJarsAreSentAndNoneIsLeftHalfWritten() throws Exception {
        List<ChildClassPath.LibraryJar> jars = List.of(jar("a.jar", 10), jar("b.jar", 70_000), jar("c.jar", 3));
        FilePath lib = new FilePath(tmp.resolve("agent/gitops-sync/lib").toFile());

        AgentLibraries.Installed first = AgentLibraries.install(lib, jars.subList(0, 2));
        AgentLibraries.Installed second = AgentLibraries.install(lib, jars);

        assertThat(first.copied()).isEqualTo(2);
        assertThat(second.copied()).isEqualTo(1);
        assertThat(second.paths()).hasSize(3).allSatisfy(p -> assertThat(Path.of(p)).exists()
                .hasFileName(ChildClassPath.sha256(Path.of(p)) + ".jar"));
        assertThat(lib.list()).as("no incoming folder left").hasSize(3);
    }
}
