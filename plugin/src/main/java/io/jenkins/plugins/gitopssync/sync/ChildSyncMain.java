package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.process.LocalProcessRunner;
import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The main class of the engine's child JVM on an agent: reads one {@link ChildRequest} from standard input, checks
 * the repository out when the request says so ({@link ChildCheckout}), syncs
 * in its working directory's environment (the build's: it was started through the build's launcher, so programs it
 * runs get withEnv, PATH and withCredentials as any other step's), logs to standard output, and leaves the record
 * (or the message of a failure the user can act on) in a file that the agent's JVM reads. Free of Jenkins types:
 * its class path is the engine's jars only. The exit code says which answer there is ({@link ChildRequest}).
 */
@Restricted(NoExternalUse.class)
public final class ChildSyncMain {

    private ChildSyncMain() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // System.exit: the HTTP client's pools may hold threads that would keep the JVM up
        System.exit(run(System.in, out));
    }

    static int run(InputStream in, PrintStream out) {
        ChildRequest request;
        try {
            request = (ChildRequest) new ObjectInputStream(in).readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            e.printStackTrace(out);
            return ChildRequest.BAD_REQUEST;
        }
        SyncOrder order = request.order();
        Path root = Path.of(request.repositoryRoot());
        ChildSyncLog log = new ChildSyncLog(out);
        try {
            if (request.checkout() != null) {
                long start = System.nanoTime();
                order = order.withRevision(request.checkout().run(root, log::info));
                order.revisionLines((System.nanoTime() - start) / 1_000_000).forEach(log::info);
            }
            SyncRecord record = EngineSync.run(order.call(root), order.connection(),
                    LocalProcessRunner.ofThisProcess(), log, Path.of(order.report()));
            write(Path.of(request.record()), o -> new ObjectOutputStream(o).writeObject(record));
            return ChildRequest.SYNCED;
        } catch (SyncException | RevisionCheckout.Failure e) {
            return writeError(request, e.getMessage(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ChildRequest.CRASHED;
        } catch (IOException | RuntimeException e) {
            e.printStackTrace(out);
            return ChildRequest.CRASHED;
        }
    }

    private static int writeError(ChildRequest request, String message, PrintStream out) {
        try {
            write(Path.of(request.error()), o -> o.write(String.valueOf(message).getBytes(StandardCharsets.UTF_8)));
            return ChildRequest.SYNC_FAILED;
        } catch (IOException e) {
            e.printStackTrace(out);
            return ChildRequest.CRASHED;
        }
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Whole or not at all: written beside, then moved into place. */
    private static void write(Path target, Writer writer) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream o = Files.newOutputStream(tmp)) {
            writer.write(o);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The engine's progress on standard output. */
    private static final class ChildSyncLog extends PrefixedSyncLog {
        private final PrintStream out;

        ChildSyncLog(PrintStream out) {
            this.out = out;
        }

        @Override
        protected PrintStream stream() {
            return out;
        }
    }
}
