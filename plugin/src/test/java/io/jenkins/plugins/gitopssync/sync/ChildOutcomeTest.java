package io.jenkins.plugins.gitopssync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import hudson.AbortException;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import io.jenkins.plugins.gitopssync.testing.SyncRecords;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The child's answer is read from its files: a record written before the JVM failed at its exit (JDK 17 writing
 * its class-data cache) still counts; a message the user can act on; else the exit code. The files are removed.
 */
class ChildOutcomeTest {

    @TempDir
    Path tmp;

    private Path record() throws Exception {
        Path file = tmp.resolve("set.child-record");
        try (OutputStream o = Files.newOutputStream(file); ObjectOutputStream out = new ObjectOutputStream(o)) {
            out.writeObject(SyncRecords.record(SyncStatus.Synced, false, List.of(), List.of()));
        }
        return file;
    }

    @Test
    void aRecordWrittenBeforeACrashAtExitIsTheAnswer() throws Exception {
        Path record = record();

        SyncRecord read = new ChildOutcome(134, tmp.resolve("set.child-error").toString()).invoke(record.toFile(), null);

        assertThat(read.getStatus()).isEqualTo(SyncStatus.Synced);
        assertThat(read.getRevision()).isEqualTo(SyncRecords.REV1);
        assertThat(record).doesNotExist();
    }

    @Test
    void aMessageTheUserCanActOnOrTheExitCode() throws Exception {
        Path error = Files.writeString(tmp.resolve("set.child-error"), "bad.yaml:2: not YAML");
        Path record = tmp.resolve("set.child-record");

        assertThatExceptionOfType(AbortException.class)
                .isThrownBy(() -> new ChildOutcome(ChildRequest.SYNC_FAILED, error.toString()).invoke(record.toFile(), null))
                .withMessage("bad.yaml:2: not YAML");
        assertThat(error).doesNotExist();
        assertThatExceptionOfType(AbortException.class)
                .isThrownBy(() -> new ChildOutcome(137, error.toString()).invoke(record.toFile(), null))
                .withMessageContaining("exit code 137");
    }
}
