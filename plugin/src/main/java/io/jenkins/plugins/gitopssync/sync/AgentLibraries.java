package io.jenkins.plugins.gitopssync.sync;

import hudson.FilePath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The child JVM's jars on the agent's disk ({@code <agent root>/gitops-sync/lib/<sha256>.jar}), copied from the
 * controller only when missing, so they outlive builds and agent restarts. A copy is written under a name of its
 * own and then renamed: a build running at the same time never sees half a jar.
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
        for (FilePath f : libDir.list("*.jar")) {
            present.add(f.getName());
        }
        List<String> paths = new ArrayList<>();
        int copied = 0;
        for (ChildClassPath.LibraryJar jar : jars) {
            String name = jar.sha256() + ".jar";
            FilePath target = libDir.child(name);
            if (!present.contains(name)) {
                FilePath tmp = libDir.child(name + ".tmp-" + UUID.randomUUID());
                tmp.copyFrom(new FilePath(jar.file()));
                tmp.renameTo(target);
                copied++;
            }
            paths.add(target.getRemote());
        }
        return new Installed(List.copyOf(paths), copied);
    }
}
