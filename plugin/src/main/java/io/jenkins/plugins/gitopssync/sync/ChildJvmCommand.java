package io.jenkins.plugins.gitopssync.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The command line of the engine's child JVM: the agent's own java, the CLI launcher's flags (the client compiler
 * only, the serial collector, a small young generation: a short-lived sync spends most of its time loading and
 * compiling classes, and two builds' JVMs should not compete with C2 work), an optional heap limit, and a
 * class-data cache beside the jars, named by the class path and the java version. JDK 19 and later keep it up to
 * date themselves ({@code -XX:+AutoCreateSharedArchive}); JDK 17 writes it at the exit of a run without one, under a
 * name of that run's ({@link #archiveWritten()}), which the caller renames into place. Only a disk that kept the jars
 * from an earlier build gets one. Never a secret on it: the request goes to standard input.
 */
final class ChildJvmCommand {

    static final String MAIN = ChildSyncMain.class.getName();
    /** The JDK's proxy settings (host, port, exceptions: never a password), as the agent's JVM has them. */
    static final List<String> PROXY_PROPERTIES = List.of("http.proxyHost", "http.proxyPort", "https.proxyHost",
            "https.proxyPort", "http.nonProxyHosts");

    private final List<String> command = new ArrayList<>();
    private final String archiveWritten;

    /**
     * @param javaHome      the agent's java.home
     * @param javaVersion   the agent's java.version ("17.0.15")
     * @param unix          whether the agent separates paths with ':'
     * @param cacheDir      the folder of class-data caches on the agent
     * @param archiveExists whether this class path's and java's cache exists
     * @param writeArchive  whether to write it when it does not: not on a disk that had to be given the jars now (a
     *                      new pod, most likely, whose disk goes with it: writing costs seconds at the JVM's exit)
     * @param heapMegabytes the heap limit, or 0 for the JVM's default
     */
    ChildJvmCommand(String javaHome, String javaVersion, boolean unix, List<String> classPath, String cacheDir,
                    boolean archiveExists, boolean writeArchive, int heapMegabytes, String runId) {
        this(javaHome, javaVersion, unix, classPath, cacheDir, archiveExists, writeArchive, heapMegabytes, runId, Map.of());
    }

    /** @param agentProperties the agent JVM's system properties: its proxy settings apply to the child's Git too */
    ChildJvmCommand(String javaHome, String javaVersion, boolean unix, List<String> classPath, String cacheDir,
                    boolean archiveExists, boolean writeArchive, int heapMegabytes, String runId,
                    Map<?, ?> agentProperties) {
        char sep = unix ? '/' : '\\';
        command.add(javaHome + sep + "bin" + sep + "java");
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms64m", "-Xmn16m", "-Xss1m"));
        if (heapMegabytes > 0) {
            command.add("-Xmx" + heapMegabytes + "m");
        }
        String archive = cacheDir + sep + archiveName(javaHome, javaVersion, classPath);
        int feature = feature(javaVersion);
        command.add("-Xlog:cds=off");
        command.add("-Xlog:cds+dynamic=off");
        if (feature >= 24) {
            command.add("-Xlog:aot=off");
        }
        if (!archiveExists && !writeArchive) {
            archiveWritten = null; // the JDK's own class-data archive only
        } else if (feature >= 19) {
            command.add("-XX:+AutoCreateSharedArchive");
            command.add("-XX:SharedArchiveFile=" + archive);
            archiveWritten = null;
        } else if (archiveExists) {
            command.add("-XX:SharedArchiveFile=" + archive);
            archiveWritten = null;
        } else {
            archiveWritten = archive + ".tmp-" + runId;
            command.add("-XX:ArchiveClassesAtExit=" + archiveWritten);
        }
        // a crash report goes beside the caches, never into the checkout the render reads
        command.add("-XX:ErrorFile=" + cacheDir + sep + "hs_err_pid%p.log");
        // no provider bound (the agent's JVM has Jenkins' own): SLF4J's notice of it would land in the build log
        command.add("-Dslf4j.internal.verbosity=ERROR");
        for (String name : PROXY_PROPERTIES) {
            Object value = agentProperties.get(name);
            if (value != null && !String.valueOf(value).isBlank()) {
                command.add("-D" + name + "=" + value);
            }
        }
        command.add("-cp");
        command.add(String.join(unix ? ":" : ";", classPath));
        command.add(MAIN);
    }

    List<String> command() {
        return List.copyOf(command);
    }

    /** Where this run writes a new class-data cache (JDK 17), to be renamed to {@link #archive(String)}; or null. */
    String archiveWritten() {
        return archiveWritten;
    }

    /** The cache that {@code written} becomes. */
    static String archive(String written) {
        return written.substring(0, written.lastIndexOf(".tmp-"));
    }

    /** The cache's file name: one per class path, java and version. */
    static String archiveName(String javaHome, String javaVersion, List<String> classPath) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((javaHome + '\n' + javaVersion + '\n' + String.join("\n", classPath)).getBytes(StandardCharsets.UTF_8));
            return "engine-" + javaVersion + '-' + HexFormat.of().formatHex(digest.digest()).substring(0, 16) + ".jsa";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The feature release of a java.version ("17.0.15" → 17, "1.8.0_402" → 8). */
    static int feature(String javaVersion) {
        String[] parts = javaVersion.split("[.+_-]");
        try {
            int first = Integer.parseInt(parts[0]);
            return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
