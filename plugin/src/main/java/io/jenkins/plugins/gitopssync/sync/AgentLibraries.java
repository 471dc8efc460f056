package io.jenkins.plugins.gitopssync.sync;

import hudson.FilePath;
import hudson.util.DirScanner;
import hudson.util.FileVisitor;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jenkins.MasterToSlaveFileCallable;

/**
 * The child JVM's jars on the agent's disk ({@code <agent root>/gitops-sync/lib/<sha256>.jar}), copied from the
 * controller only when missing, so they outlive builds and agent restarts. The missing ones go in one tar stream
 * into a folder of this copy's own and are then renamed into place in one call: a build running at the same time
 * never sees half a jar, and a new pod's fifty jars cost one transfer rather than three round trips each.
 */
final class AgentLibraries {

    private AgentLibraries() {
    }

    /** The jars' paths on the agent, in class path order, and how many were copied now. */
    record Installed(List<String> paths, int copied) {
    }

    static Installed install(FilePath libDir, List<ChildClassPath.LibraryJar> jars) throws IOException, InterruptedException {
        libDir.mkdirs();
        Set<String> present = new HashSet<>();
        for (FilePath f : libDir.list()) {
            present.add(f.getName());
        }
        List<String> paths = new ArrayList<>();
        Map<String, File> missing = new LinkedHashMap<>();
        for (ChildClassPath.LibraryJar jar : jars) {
            String name = jar.sha256() + ".jar";
            if (present.add(name)) { // two jars of the same content are sent once
                missing.put(name, jar.file());
            }
            paths.add(libDir.child(name).getRemote());
        }
        if (!missing.isEmpty()) {
            send(libDir, missing);
        }
        return new Installed(List.copyOf(paths), missing.size());
    }

    /** @param missing the jars' names on the agent and their files on the controller */
    private static void send(FilePath libDir, Map<String, File> missing) throws IOException, InterruptedException {
        FilePath incoming = libDir.child(".incoming-" + UUID.randomUUID());
        incoming.mkdirs();
        try {
            // core's tar over one pipe (jars are compressed already); the scanner names every file itself, so the
            // base folder is never read
            new FilePath(new File(".")).copyRecursiveTo(new Named(missing), incoming, "gitops-sync/lib",
                    FilePath.TarCompression.NONE);
            incoming.act(new MoveInto(List.copyOf(missing.keySet())));
        } finally {
            incoming.deleteRecursive();
        }
    }

    /** The jars under their agent names, wherever they are on the controller. */
    private static final class Named extends DirScanner {
        private static final long serialVersionUID = 1L;
        private final Map<String, File> files;

        Named(Map<String, File> files) {
            this.files = new LinkedHashMap<>(files);
        }

        @Override
        public void scan(File dir, FileVisitor visitor) throws IOException {
            for (Map.Entry<String, File> e : files.entrySet()) {
                visitor.visit(e.getValue(), e.getKey());
            }
        }
    }

    /** On the agent: each received jar moved from the incoming folder into the library folder. */
    private static final class MoveInto extends MasterToSlaveFileCallable<Void> {
        private static final long serialVersionUID = 1L;
        private final List<String> names;

        MoveInto(List<String> names) {
            this.names = List.copyOf(names);
        }

        @Override
        public Void invoke(File incoming, VirtualChannel channel) throws IOException {
            Path lib = incoming.toPath().getParent();
            for (String name : names) {
                Files.move(incoming.toPath().resolve(name), lib.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            return null;
        }
    }
}
