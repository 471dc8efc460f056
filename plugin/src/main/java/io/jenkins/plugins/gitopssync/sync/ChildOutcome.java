package io.jenkins.plugins.gitopssync.sync;

import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jenkins.MasterToSlaveFileCallable;

/**
 * Reads a child JVM's answer on the agent, where the child wrote it, and returns the record over the channel, so
 * the controller never reads bytes the agent or the child wrote (remoting's class filter applies to what comes
 * back): the record, or an AbortException with the message of a failure the user can act on, or one saying the
 * engine's JVM failed with its exit code (its stack trace is in the build log). The files are removed.
 */
final class ChildOutcome extends MasterToSlaveFileCallable<SyncRecord> {

    private static final long serialVersionUID = 1L;
    /** What a record is made of: the plugin's and the engine's classes, the JDK's collections. */
    private static final String RECORD_CLASSES = "io.jenkins.plugins.gitopssync.**;java.lang.*;java.util.*;java.time.*;!*";

    private final int exitCode;
    private final String error;

    /** @param error the file of the message of a failure the user can act on */
    ChildOutcome(int exitCode, String error) {
        this.exitCode = exitCode;
        this.error = error;
    }

    /** @param record the file of the record */
    @Override
    public SyncRecord invoke(File record, VirtualChannel channel) throws IOException, InterruptedException {
        Path errorFile = Path.of(error);
        try {
            // by the files, the exit code only naming a crash: the record is written last, so a JVM that fails after
            // it (JDK 17 writing its class-data cache at exit) has still synced
            if (Files.exists(record.toPath())) {
                return read(record.toPath());
            }
            if (Files.exists(errorFile)) {
                throw new AbortException(Files.readString(errorFile, StandardCharsets.UTF_8));
            }
            throw new AbortException(Messages.ChildOutcome_Failed(exitCode));
        } finally {
            Files.deleteIfExists(record.toPath());
            Files.deleteIfExists(errorFile);
        }
    }

    private static SyncRecord read(Path record) throws IOException {
        try (InputStream in = Files.newInputStream(record); ObjectInputStream objects = new ObjectInputStream(in)) {
            objects.setObjectInputFilter(ObjectInputFilter.Config.createFilter(RECORD_CLASSES));
            return (SyncRecord) objects.readObject();
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException(e);
        }
    }
}
