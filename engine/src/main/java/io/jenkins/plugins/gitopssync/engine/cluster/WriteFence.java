package io.jenkins.plugins.gitopssync.engine.cluster;

/**
 * Asked before every write request (not reads, not dry runs) a {@link KubeApi} sends: throws to stop the
 * write. The sync's lease is one: a sync that may have been overtaken writes nothing more.
 */
@FunctionalInterface
public interface WriteFence {

    void beforeWrite();
}
