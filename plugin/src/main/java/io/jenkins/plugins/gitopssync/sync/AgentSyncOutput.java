package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import java.io.Serializable;

/**
 * What {@link AgentSync} sends back from the agent: the result as the plugin's own record class and the
 * engine's JSON report as text. Only plugin classes and JDK types cross the channel, because the
 * controller's class filter rejects classes of plain library jars such as the engine's records.
 */
public final class AgentSyncOutput implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SyncRecord record;
    private final String json;

    AgentSyncOutput(SyncRecord record, String json) {
        this.record = record;
        this.json = json;
    }

    public SyncRecord record() {
        return record;
    }

    /** The JSON report, or null when it could not be written. */
    public String json() {
        return json;
    }
}
