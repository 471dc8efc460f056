package io.jenkins.plugins.gitopssync.sync;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.gitopssync.engine.process.CommandLookup;
import java.io.File;
import java.util.HashMap;
import java.util.Map;
import jenkins.MasterToSlaveFileCallable;

/**
 * Finds a bare program name on the build's PATH, on the node that runs it: the agent's process would search its
 * own PATH, not the build's, so a tool a Pipeline put on its PATH would otherwise be missed. A name not found there
 * is left bare (inside {@code container()} the container's own PATH finds it).
 */
final class ProgramLookup extends MasterToSlaveFileCallable<String> {

    private static final long serialVersionUID = 1L;

    private final String program;
    private final String path;

    ProgramLookup(String program, String path) {
        this.program = program;
        this.path = path;
    }

    @Override
    public String invoke(File workspace, VirtualChannel channel) {
        Map<String, String> env = new HashMap<>();
        if (path != null) {
            env.put("PATH", path);
        }
        return CommandLookup.resolve(program, env, File.pathSeparatorChar == ';');
    }
}
