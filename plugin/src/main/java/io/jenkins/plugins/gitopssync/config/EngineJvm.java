package io.jenkins.plugins.gitopssync.config;

import io.jenkins.plugins.gitopssync.Messages;

/** Where a build's sync runs the engine: in the agent's own JVM, or in a JVM of its own started on the agent. */
public enum EngineJvm {
    /** A child JVM for an agent connection's first sync, the agent's JVM after that. */
    AUTO,
    /** Always in the agent's JVM: fastest once that JVM has loaded the engine, slowest on a fresh agent. */
    AGENT_JVM,
    /** Always in a child JVM with a class-data cache: the same speed on a fresh agent and a warm one. */
    CHILD_JVM;

    public String getDisplayName() {
        return switch (this) {
            case AUTO -> Messages.EngineJvm_Auto();
            case AGENT_JVM -> Messages.EngineJvm_AgentJvm();
            case CHILD_JVM -> Messages.EngineJvm_ChildJvm();
        };
    }
}
