package io.jenkins.plugins.gitopssync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's packages follow the data flow and depend on each other one way only. Read from the
 * sources' imports (same-package use needs no import, and other packages are always imported here).
 * The root package is the facade: it uses every stage, and a stage may use only its two shared types.
 */
class PackageCycleTest {

    private static final String ROOT = "io.jenkins.plugins.gitopssync.engine";
    private static final Path SOURCES = Path.of("src/main/java/io/jenkins/plugins/gitopssync/engine");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?" + Pattern.quote(ROOT)
            + "\\.(?:([a-z]+)\\.)?([A-Z]\\w*)", Pattern.MULTILINE);
    /** Leaf types every stage reports through; they import nothing of the engine. */
    private static final Set<String> SHARED_ROOT_TYPES = Set.of("SyncLog", "SyncException");

    @Test
    void noCycleBetweenTheStagePackages() {
        Map<String, Set<String>> deps = stageDependencies();
        assertThat(deps).as("packages found").containsKeys("plan", "diff", "inventory", "identity", "apply");
        List<String> cycles = new ArrayList<>();
        for (String from : deps.keySet()) {
            for (String to : deps.get(from)) {
                if (reaches(deps, to, from, new TreeSet<>())) {
                    cycles.add(from + " -> " + to);
                }
            }
        }
        assertThat(cycles).as("edges on a cycle, in %s", deps).isEmpty();
    }

    @Test
    void theStagesUseOnlyTheSharedTypesOfTheRootPackage() {
        Map<String, Set<String>> used = new TreeMap<>();
        forEachSource((pkg, text) -> {
            if (!pkg.isEmpty()) {
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    if (m.group(1) == null) {
                        used.computeIfAbsent(pkg, k -> new TreeSet<>()).add(m.group(2));
                    }
                }
            }
        });
        assertThat(used.values().stream().flatMap(Set::stream)).isSubsetOf(SHARED_ROOT_TYPES);
    }

    @Test
    void theCheckSeesACycle() {
        Map<String, Set<String>> deps = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"));
        assertThat(reaches(deps, "b", "a", new TreeSet<>())).isTrue();
        assertThat(reaches(Map.of("a", Set.of("b"), "b", Set.of()), "b", "a", new TreeSet<>())).isFalse();
    }

    private static boolean reaches(Map<String, Set<String>> deps, String from, String target, Set<String> seen) {
        if (from.equals(target)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        return deps.getOrDefault(from, Set.of()).stream().anyMatch(next -> reaches(deps, next, target, seen));
    }

    /** Stage package → the other stage packages its sources import. */
    private static Map<String, Set<String>> stageDependencies() {
        Map<String, Set<String>> deps = new TreeMap<>();
        forEachSource((pkg, text) -> {
            if (pkg.isEmpty()) {
                return;
            }
            Set<String> to = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                if (m.group(1) != null && !m.group(1).equals(pkg)) {
                    to.add(m.group(1));
                }
            }
        });
        return deps;
    }

    private interface SourceVisitor {
        void visit(String pkg, String text);
    }

    private static void forEachSource(SourceVisitor visitor) {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                Path dir = SOURCES.relativize(file).getParent();
                visitor.visit(dir == null ? "" : dir.toString().replace('/', '.'), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
