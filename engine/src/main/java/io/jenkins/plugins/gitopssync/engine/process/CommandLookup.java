package io.jenkins.plugins.gitopssync.engine.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Finds a bare program name on the PATH of the environment the process will get. Java looks a program up on
 * its own PATH, not the child's, so a tool a build put on its PATH ({@code withEnv(['PATH+TOOLS=...'])}, a
 * {@code tool} step) would be missed without this.
 */
public final class CommandLookup {

    private CommandLookup() {
    }

    /** The program's path when {@code name} is bare and found on the environment's PATH; else {@code name}. */
    public static String resolve(String name, Map<String, String> environment, boolean windows) {
        if (name.contains("/") || name.contains(File.separator)) {
            return name;
        }
        String path = pathOf(environment);
        if (path == null || path.isEmpty()) {
            return name;
        }
        List<String> suffixes = windows ? List.of("", ".exe", ".cmd", ".bat") : List.of("");
        for (String dir : path.split(windows ? ";" : ":")) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String suffix : suffixes) {
                Path candidate = Path.of(dir, name + suffix);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return name;
    }

    /** PATH, whatever its case (Windows spells it Path). */
    static String pathOf(Map<String, String> environment) {
        String path = environment.get("PATH");
        if (path != null) {
            return path;
        }
        return environment.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("PATH"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
