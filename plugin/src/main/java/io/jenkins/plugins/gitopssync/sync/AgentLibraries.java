package io.jenkins.plugins.gitopssync.sync;

import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import jenkins.MasterToSlaveFileCallable;

/**
 * The child JVM's jars on the agent's disk ({@code <agent root>/gitops-sync/lib/<sha256>.jar}), copied from the
 * controller only when missing, so they outlive builds and agent restarts. The missing ones go in one tar stream
 * into a folder of this copy's own and are then renamed into place in one call: a build running at the same time
 * never sees half a jar, and a new pod's fifty jars cost one transfer rather than three round trips each.
 */
final class AgentLibraries {

    private static final int BLOCK = 512;

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
        List<ChildClassPath.LibraryJar> missing = new ArrayList<>();
        for (ChildClassPath.LibraryJar jar : jars) {
            String name = name(jar);
            if (!present.contains(name) && missing.stream().noneMatch(m -> name(m).equals(name))) {
                missing.add(jar);
            }
            paths.add(libDir.child(name).getRemote());
        }
        if (!missing.isEmpty()) {
            send(libDir, missing);
        }
        return new Installed(List.copyOf(paths), missing.size());
    }

    private static String name(ChildClassPath.LibraryJar jar) {
        return jar.sha256() + ".jar";
    }

    private static void send(FilePath libDir, List<ChildClassPath.LibraryJar> missing) throws IOException, InterruptedException {
        FilePath incoming = libDir.child(".incoming-" + UUID.randomUUID());
        incoming.mkdirs();
        try {
            incoming.untarFrom(tar(missing), FilePath.TarCompression.NONE);
            incoming.act(new MoveInto(missing.stream().map(AgentLibraries::name).toList()));
        } finally {
            incoming.deleteRecursive();
        }
    }

    /** A tar of the jars under their agent names, read from their files as it is sent (no copy on the controller). */
    static InputStream tar(List<ChildClassPath.LibraryJar> jars) throws IOException {
        List<Part> parts = new ArrayList<>();
        for (ChildClassPath.LibraryJar jar : jars) {
            long size = Files.size(jar.file().toPath());
            byte[] header = header(name(jar), size);
            parts.add(() -> new ByteArrayInputStream(header));
            parts.add(() -> Files.newInputStream(jar.file().toPath()));
            int padding = (int) ((BLOCK - size % BLOCK) % BLOCK);
            parts.add(() -> new ByteArrayInputStream(new byte[padding]));
        }
        parts.add(() -> new ByteArrayInputStream(new byte[2 * BLOCK])); // the end of the archive
        Iterator<Part> next = parts.iterator();
        // each file opened only when the tar reaches it: never fifty open at once
        return new SequenceInputStream(new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return next.hasNext();
            }

            @Override
            public InputStream nextElement() {
                try {
                    return next.next().open();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }

    /** A POSIX ustar header of a plain file (mode 644, no owner, time 0). */
    static byte[] header(String name, long size) {
        byte[] h = new byte[BLOCK];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", size));
        put(h, 136, "00000000000");
        h[156] = '0';
        put(h, 257, "ustar");
        put(h, 263, "00");
        Arrays.fill(h, 148, 156, (byte) ' '); // the checksum counts its own field as spaces
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    private static void put(byte[] header, int at, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, at, bytes.length);
    }

    private interface Part {
        InputStream open() throws IOException;
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
