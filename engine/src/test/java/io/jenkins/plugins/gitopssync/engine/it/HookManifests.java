package io.jenkins.plugins.gitopssync.engine.it;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Jobs and objects with phase annotations, written by the tests. On the test cluster's KWOK nodes a Job's pod
 * succeeds at once; the pod annotations of the cluster's own stages (test-cluster/kwok-stages/) make it
 * succeed only after a while ({@link #RUN_FOR}) or fail with a message ({@link #FAIL}).
 */
final class HookManifests {

    /** Pod annotation: a Go duration ("3s") the pod runs before it succeeds (or fails, with {@link #FAIL}). */
    static final String RUN_FOR = "kwok.gitops-sync.test/run-for";
    /** Pod annotation: the pod fails, its container exits 1 with this value as its termination message. */
    static final String FAIL = "kwok.gitops-sync.test/fail";

    private final String nameLine;
    private final String container;
    private final Map<String, String> annotations = new LinkedHashMap<>();
    private final Map<String, String> podAnnotations = new LinkedHashMap<>();

    private HookManifests(String nameLine, String container) {
        this.nameLine = nameLine;
        this.container = container;
    }

    /** A Job named {@code name}. */
    static HookManifests job(String name) {
        return new HookManifests("name: " + name, name);
    }

    /** A Job with a name generated from {@code prefix} (a new Job each sync). */
    static HookManifests generatedJob(String prefix) {
        return new HookManifests("generateName: " + prefix, prefix.replaceAll("-$", ""));
    }

    HookManifests annotate(String key, String value) {
        annotations.put(key, value);
        return this;
    }

    HookManifests runsFor(String duration) {
        podAnnotations.put(RUN_FOR, duration);
        return this;
    }

    HookManifests fails(String message) {
        podAnnotations.put(FAIL, message);
        return this;
    }

    String yaml() {
        return "apiVersion: batch/v1\nkind: Job\nmetadata:\n  " + nameLine + "\n" + block("  ", annotations)
                + "spec:\n  backoffLimit: 0\n  template:\n" + (podAnnotations.isEmpty() ? ""
                : "    metadata:\n" + block("      ", podAnnotations))
                + "    spec:\n      restartPolicy: Never\n      containers:\n      - name: " + container
                + "\n        image: busybox:1.36\n        command: [\"sh\", \"-c\", \"echo " + container + "\"]\n";
    }

    /** Any manifest with annotations added under its metadata (which must be the first "metadata:" line). */
    static String annotated(String manifest, String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return manifest.replaceFirst("metadata:\n", "metadata:\n" + block("  ", m).replace("$", "\\$"));
    }

    private static String block(String indent, Map<String, String> values) {
        if (values.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder(indent).append("annotations:\n");
        values.forEach((k, v) -> s.append(indent).append("  ").append(k).append(": \"").append(v).append("\"\n"));
        return s.toString();
    }
}
