package io.jenkins.plugins.gitopssync.engine.diff;

import static io.jenkins.plugins.gitopssync.testsupport.GitOracle.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written diff prints the same hunks as {@code git diff --minimal}, headers included (an
 * empty side is "+0,0", as git and GNU diff write it). This is why it stays instead of
 * java-diff-utils, which writes "+1,0" and has no bound on its work for large, dissimilar objects.
 */
class LineDiffAgreesWithGitTest {

    @Test
    void hunksAreByteForByteWhatGitPrints(@TempDir Path dir) throws Exception {
        Random random = new Random(3);
        for (int round = 0; round < 150; round++) {
            List<String> before = new ArrayList<>();
            int size = random.nextInt(40);
            for (int i = 0; i < size; i++) {
                before.add("line" + i);
            }
            List<String> after = new ArrayList<>(before);
            for (int edits = 1 + random.nextInt(5); edits > 0; edits--) {
                if (!after.isEmpty() && random.nextBoolean()) {
                    after.remove(random.nextInt(after.size()));
                } else {
                    after.add(random.nextInt(after.size() + 1), "new" + round + "-" + edits);
                }
            }
            Files.write(dir.resolve("a"), before);
            Files.write(dir.resolve("b"), after);
            String out = git(dir, new int[] {0, 1}, "diff", "--no-index", "--no-color", "--minimal", "-U3", "a", "b");
            int firstHunk = out.indexOf("@@");
            // git adds a "function" line after a hunk header; the diff of YAML objects has none
            String expected = firstHunk < 0 ? "" : out.substring(firstHunk).replaceAll("(?m)^(@@ [^@]* @@).*$", "$1");

            assertThat(LineDiff.unified(LineDiff.edits(before, after), UnifiedDiff.CONTEXT))
                    .as("round %d: %s -> %s", round, before, after)
                    .isEqualTo(expected);
        }
    }
}
