package io.jenkins.plugins.gitopssync.engine.source;

import static io.jenkins.plugins.gitopssync.testsupport.GitOracle.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random rule sets in a root and a nested ignore file give the same verdict for every file as git
 * itself ({@code git ls-files --others --ignored}). Git is the reference the syntax promises; JGit's
 * IgnoreNode agreed too when measured, but was slower and would tie the engine to the JGit the
 * plugin gets from Jenkins.
 */
class SourceIgnoreAgreesWithGitTest {

    private static final String[] RULES = {"a", "b", "d", "c", "*.yaml", "x.*", "**/b", "a/**", "/a", "b/", "!a", "!b/",
        "!c", "a/*/c", "?", "[ab]", "[!a]", "d/**/c", "**/d/c", "*", "!*.yaml", "/b/c", "a/", "**", "!/a/b", "\\!c",
        "a.txt", "#x", "", "b/**/", "*/", "!d/", "a\\*", "[a-c].txt"};
    private static final String[] DIRS = {"a", "b", "d"};
    private static final String[] FILES = {"c", "x.yaml", "a.txt"};

    @Test
    void everyFileGetsGitsVerdict(@TempDir Path root) throws Exception {
        List<String> files = new ArrayList<>();
        tree("", 0, files);
        Random random = new Random(7);
        for (int round = 0; round < 25; round++) {
            Path repo = Files.createDirectory(root.resolve("r" + round));
            git(repo, new int[] {0}, "init", "-q");
            for (String file : files) {
                Files.createDirectories(repo.resolve(file).getParent());
                Files.writeString(repo.resolve(file), "x");
            }
            List<String> top = rules(random);
            List<String> nested = rules(random);
            Files.write(repo.resolve(".gitignore"), top);
            Files.write(repo.resolve("a/.gitignore"), nested);
            Set<String> ignoredByGit = new HashSet<>(Arrays.asList(
                    git(repo, new int[] {0}, "ls-files", "--others", "--ignored", "--exclude-standard").split("\n")));

            SourceIgnore ignore = SourceIgnore.empty().with("", top).with("a", nested);
            for (String file : files) {
                assertThat(ignore.isIgnored(file, false))
                        .as("%s with %s at the root and %s in a/", file, top, nested)
                        .isEqualTo(ignoredByGit.contains(file));
            }
        }
    }

    private static List<String> rules(Random random) {
        List<String> rules = new ArrayList<>();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            rules.add(RULES[random.nextInt(RULES.length)]);
        }
        return rules;
    }

    private static void tree(String base, int depth, List<String> out) {
        for (String file : FILES) {
            out.add(base + file);
        }
        if (depth < 3) {
            for (String dir : DIRS) {
                tree(base + dir + "/", depth + 1, out);
            }
        }
    }
}
