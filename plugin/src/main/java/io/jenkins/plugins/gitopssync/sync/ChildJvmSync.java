package io.jenkins.plugins.gitopssync.sync;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Proc;
import hudson.model.Computer;
import hudson.model.Node;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Runs the engine in a JVM of its own on the agent, started through the build's launcher: the build's environment
 * applies (withEnv, PATH), and aborting the build kills it with the programs it started. Its jars are copied to the
 * agent once ({@link AgentLibraries}); the request goes to its standard input ({@link ChildRequest}), its log lines
 * from its standard output into the build log, and its record comes back through the agent's JVM
 * ({@link ChildOutcome}).
 */
final class ChildJvmSync {

    /** The folder under the agent's root of the jars and class-data caches. */
    static final String HOME = "gitops-sync";
    /** Beside a class-data cache's name: writing it failed on this disk once. */
    static final String FAILED = ".failed";

    private ChildJvmSync() {
    }

    /**
     * @param checkout      the checkout the child does first, or null when the agent's JVM did it
     * @param dir           the checkout on the agent; the child's working directory
     * @param heapMegabytes the child's heap limit, or 0 for its JVM's default
     */
    static SyncRecord run(SyncOrder order, ChildCheckout checkout, FilePath dir, Launcher launcher, EnvVars env,
                          TaskListener listener, int heapMegabytes) throws IOException, InterruptedException {
        Computer computer = dir.toComputer();
        Node node = computer == null ? null : computer.getNode();
        FilePath root = node == null ? null : node.getRootPath();
        if (root == null) {
            throw new AbortException(Messages.ChildJvmSync_AgentGone());
        }
        FilePath home = root.child(HOME);
        long start = System.nanoTime();
        AgentLibraries.Installed jars = AgentLibraries.install(home.child("lib"), ChildClassPath.jars());
        if (jars.copied() > 0) {
            listener.getLogger().println(SyncRunner.PREFIX + Messages.ChildJvmSync_JarsCopied(jars.copied(),
                    home.child("lib").getRemote(), String.valueOf((System.nanoTime() - start) / 1_000_000)));
        }
        Map<Object, Object> properties = computer.getSystemProperties();
        String javaVersion = String.valueOf(properties.get("java.version"));
        String javaHome = String.valueOf(properties.get("java.home"));
        FilePath cache = home.child("cache");
        cache.mkdirs();
        Set<String> cached = new HashSet<>();
        for (FilePath f : cache.list()) {
            cached.add(f.getName());
        }
        String archiveName = ChildJvmCommand.archiveName(javaHome, javaVersion, jars.paths());
        // a cache is written only on a disk that kept the jars (not a new pod's), and not again after it failed once
        boolean writeArchive = jars.copied() == 0 && !cached.contains(archiveName + FAILED);
        ChildJvmCommand command = new ChildJvmCommand(javaHome, javaVersion, Boolean.TRUE.equals(computer.isUnix()),
                jars.paths(), cache.getRemote(), cached.contains(archiveName), writeArchive, heapMegabytes,
                UUID.randomUUID().toString(), properties);

        // beside the checkout, never in it (the render reads the checkout)
        FilePath checkouts = dir.getParent();
        if (checkouts == null) {
            throw new IllegalStateException("a checkout folder without a parent: " + dir.getRemote()); // NOI18N: a bug
        }
        FilePath record = checkouts.child(order.applySet() + ".child-record");
        FilePath error = checkouts.child(order.applySet() + ".child-error");
        dir.mkdirs();
        record.delete(); // an earlier build's answer, left by an abort, is never read as this one's
        error.delete();
        int code = launch(command, request(new ChildRequest(order, checkout, dir.getRemote(), record.getRemote(),
                        error.getRemote())),
                dir, launcher, env, listener);
        SyncRecord synced;
        try {
            synced = record.act(new ChildOutcome(code, error.getRemote()));
        } finally {
            keepArchive(command, dir, code);
        }
        if (code != ChildRequest.SYNCED && command.archiveWritten() != null) {
            // synced, then the JVM failed at its exit while writing the class-data cache (a JDK 17 bug with some
            // lambdas): the sync stands, and this agent's disk does not try again
            cache.child(archiveName + FAILED).write(String.valueOf(code), "UTF-8"); // the exit code, for whoever looks
            listener.getLogger().println(SyncRunner.PREFIX + Messages.ChildJvmSync_ArchiveFailed(String.valueOf(code),
                    cache.getRemote()));
        }
        return synced;
    }

    private static byte[] request(ChildRequest request) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(request);
        }
        return bytes.toByteArray();
    }

    private static int launch(ChildJvmCommand command, byte[] request, FilePath dir, Launcher launcher, EnvVars env,
                              TaskListener listener) throws IOException, InterruptedException {
        Proc proc = launcher.launch().cmds(command.command()).envs(env).pwd(dir).quiet(true)
                .stdin(new ByteArrayInputStream(request)).stdout(listener).start();
        try {
            return proc.join();
        } catch (InterruptedException e) {
            proc.kill(); // an aborted build stops the child and what it started
            throw e;
        }
    }

    /** A class-data cache written by this run (JDK 17) is renamed into place; one from a failed run is dropped. */
    private static void keepArchive(ChildJvmCommand command, FilePath dir, int code) throws IOException, InterruptedException {
        String written = command.archiveWritten();
        if (written == null) {
            return;
        }
        FilePath file = new FilePath(dir.getChannel(), written);
        if (code == ChildRequest.SYNCED && file.exists()) {
            file.renameTo(new FilePath(dir.getChannel(), ChildJvmCommand.archive(written)));
        } else {
            file.delete();
        }
    }
}
