package io.jenkins.plugins.gitopssync.sync;

import hudson.Launcher;
import hudson.remoting.Channel;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.gitopssync.config.EngineJvm;

/**
 * Whether a sync runs the engine in a child JVM. AUTO: a child JVM for an agent connection's first sync, the
 * agent's JVM from its second on. A fresh agent's JVM has loaded none of the engine: its first sync there costs
 * remote class loading, class definition and the interpreter (about 9 s for a 1,000-object no-op), where a child
 * JVM with the client compiler and a class-data cache costs about what the CLI's cold start does; a pod agent runs
 * one build, so it always gets the child. A long-lived agent's later builds run in its JVM, which is then warm
 * after one more cold run. Never a child in AUTO on the controller itself (its JVM is warm) nor under a launcher
 * decorated by another step ({@code container()}, a Docker image): the agent's java may not be where that
 * launcher runs programs.
 */
final class EngineJvmChoice {

    /** Channel property set by an agent connection's first sync. */
    static final String SYNCED = EngineJvmChoice.class.getName() + ".synced";

    private EngineJvmChoice() {
    }

    static boolean child(EngineJvm setting, VirtualChannel channel, Launcher launcher) {
        return switch (setting) {
            case AGENT_JVM -> false;
            case CHILD_JVM -> true;
            case AUTO -> channel instanceof Channel c && !(launcher instanceof Launcher.DecoratedLauncher) && first(c);
        };
    }

    private static boolean first(Channel c) {
        synchronized (c) {
            boolean first = c.getProperty(SYNCED) == null;
            c.setProperty(SYNCED, Boolean.TRUE);
            return first;
        }
    }
}
