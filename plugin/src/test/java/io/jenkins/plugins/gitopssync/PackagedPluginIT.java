package io.jenkins.plugins.gitopssync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code plugin/target/gitops-sync.hpi} holds, after {@code package} (failsafe): exactly one bundled jar, the
 * engine of the plugin's own version, beside the plugin's own classes ({@code WEB-INF/lib/gitops-sync.jar}). Every other library comes from the API plugin that carries it in Jenkins
 * (kubernetes-client-api, jackson2-api, snakeyaml-api, okhttp-api, git-client, bouncycastle-api); a second copy in
 * WEB-INF/lib would load beside theirs and break in ways only a running Jenkins shows.
 */
class PackagedPluginIT {

    /** The plugin's own classes, which every .hpi carries as WEB-INF/lib/<final name>.jar. */
    static final String OWN_CLASSES = "gitops-sync.jar";

    /** The jars in WEB-INF/lib other than the plugin's own classes. */
    static List<String> bundledJars(Path hpi) throws IOException {
        List<String> jars = new ArrayList<>();
        try (ZipFile zip = new ZipFile(hpi.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                String name = e.getName().substring(e.getName().lastIndexOf('/') + 1);
                if (e.getName().equals("WEB-INF/lib/" + name) && name.endsWith(".jar") && !name.equals(OWN_CLASSES)) {
                    jars.add(name);
                }
            }
        }
        return jars;
    }

    @Test
    void theEngineOfTheSameVersionIsTheOnlyBundledJar() throws Exception {
        Path hpi = Path.of(System.getProperty("gitops.hpi", "target/gitops-sync.hpi"));
        String version = System.getProperty("gitops.version");
        assertThat(hpi).as(hpi + " is built").isRegularFile();

        assertThat(bundledJars(hpi)).isEqualTo(List.of("gitops-sync-engine-" + version + ".jar"));
        try (ZipFile zip = new ZipFile(hpi.toFile())) {
            assertThat(zip.getEntry("WEB-INF/lib/" + OWN_CLASSES)).as("the plugin's own classes").isNotNull();
            Manifest m = new Manifest(zip.getInputStream(zip.getEntry("META-INF/MANIFEST.MF")));
            String dependencies = m.getMainAttributes().getValue("Plugin-Dependencies");
            for (String api : List.of("kubernetes-client-api", "jackson2-api", "snakeyaml-api", "okhttp-api", "git-client",
                    "bouncycastle-api")) {
                assertThat(dependencies).as(api + " is a declared dependency: " + dependencies).contains(api + ":");
            }
        }
    }

    @Test
    void aSecondJarIsFound(@TempDir Path dir) throws Exception {
        Path planted = dir.resolve("planted.hpi");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(planted))) {
            for (String name : List.of("WEB-INF/lib/gitops-sync.jar", "WEB-INF/lib/gitops-sync-engine-1.0.jar",
                    "WEB-INF/lib/jackson-databind-2.20.0.jar", "WEB-INF/classes/index.jelly")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.closeEntry();
            }
        }

        assertThat(bundledJars(planted))
                .as("what the first test compares with its single engine jar").isEqualTo(List.of("gitops-sync-engine-1.0.jar", "jackson-databind-2.20.0.jar"));
    }
}
