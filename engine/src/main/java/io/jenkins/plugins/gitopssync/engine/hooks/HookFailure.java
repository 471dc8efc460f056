package io.jenkins.plugins.gitopssync.engine.hooks;

import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.apply.SecretRedactor;
import io.jenkins.plugins.gitopssync.engine.cluster.ApiException;
import io.jenkins.plugins.gitopssync.engine.cluster.KubeApi;
import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import io.jenkins.plugins.gitopssync.engine.cluster.ResourceInfo;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.plan.PlannedHook;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Why a hook failed, in words a user can act on: the hook and where it came from, the reason its status
 * gives, and for a Job or Pod the failed container's exit code and message and the last lines of its log when
 * the cluster gives them. Values of the set's Secrets are masked in all of it: a log can print anything.
 */
final class HookFailure {

    private static final ResourceInfo PODS = new ResourceInfo("", "v1", "Pod", "pods", true);
    private static final int LOG_LINES = 10;
    private static final int LINE_LIMIT = 300;

    private final KubeApi api;
    private final SyncLog log;
    private final List<Map<String, Object>> secrets;

    HookFailure(KubeApi api, SyncLog log, List<Map<String, Object>> secrets) {
        this.api = api;
        this.log = log;
        this.secrets = secrets;
    }

    /** @param why the reason from the hook's status ("job failed: BackoffLimitExceeded: ...") */
    String describe(PlannedHook h, String name, String why) {
        ObjectRef ref = h.ref();
        StringBuilder m = new StringBuilder("hook ").append(ref.withName(name)).append(" (").append(h.phase().word())
                .append(" wave ").append(h.wave()).append(", from ").append(h.source()).append(") failed: ").append(why);
        try {
            Map<String, Object> pod = failedPod(ref, name);
            if (pod != null) {
                m.append(podPart(pod));
            }
        } catch (ApiException e) {
            log.debug("could not read the pods of hook " + ref.withName(name) + ": " + e.getMessage());
        }
        String message = m.toString();
        for (Map<String, Object> secret : secrets) {
            message = SecretRedactor.redact(message, secret);
        }
        return message;
    }

    /** The hook's last failed pod: the Pod itself, or the Job's latest; null for other kinds or none failed. */
    private Map<String, Object> failedPod(ObjectRef ref, String name) {
        List<Map<String, Object>> pods;
        if (ref.group().isEmpty() && "Pod".equals(ref.kind())) {
            Map<String, Object> pod = api.get(PODS, ref.namespace(), name);
            pods = pod == null ? List.of() : List.of(pod);
        } else if ("batch".equals(ref.group()) && "Job".equals(ref.kind())) {
            pods = api.list(PODS, ref.namespace(), "batch.kubernetes.io/job-name=" + name);
        } else {
            return null;
        }
        return pods.stream().filter(p -> "Failed".equals(ObjectMaps.string(p, "status", "phase")))
                .max(Comparator.comparing(p -> String.valueOf(ObjectMaps.string(p, "metadata", "creationTimestamp"))))
                .orElse(null);
    }

    private String podPart(Map<String, Object> pod) {
        String podName = ObjectMaps.string(pod, "metadata", "name");
        String namespace = ObjectMaps.string(pod, "metadata", "namespace");
        StringBuilder m = new StringBuilder("; pod ").append(podName);
        String reason = ObjectMaps.string(pod, "status", "reason");
        if (reason != null) {
            m.append(" (").append(reason).append(')');
        }
        if (ObjectMaps.at(pod, "status", "containerStatuses") instanceof List<?> statuses) {
            for (Object o : statuses) {
                if (o instanceof Map<?, ?> cs && cs.get("state") instanceof Map<?, ?> state
                        && state.get("terminated") instanceof Map<?, ?> t
                        && !"0".equals(String.valueOf(t.get("exitCode")))) {
                    String container = String.valueOf(cs.get("name"));
                    m.append(": container ").append(container).append(" exited with code ").append(t.get("exitCode"));
                    if (t.get("reason") != null || t.get("message") != null) {
                        m.append(" (").append(t.get("reason") == null ? "" : t.get("reason"))
                                .append(t.get("message") == null ? "" : ": " + t.get("message")).append(')');
                    }
                    m.append(logTail(namespace, podName, container));
                    break;
                }
            }
        }
        return m.toString();
    }

    /** "; the last lines of its log:\n  | ..." when the cluster gives the log, else "". */
    private String logTail(String namespace, String pod, String container) {
        String text;
        try {
            text = api.podLog(namespace, pod, container, LOG_LINES);
        } catch (ApiException e) {
            log.debug("no log of pod " + namespace + "/" + pod + " container " + container + ": " + e.getMessage());
            return "";
        }
        if (text.isBlank()) {
            return "";
        }
        StringBuilder m = new StringBuilder("; the last lines of its log:");
        for (String line : text.strip().split("\n")) {
            m.append("\n  | ").append(line.length() > LINE_LIMIT ? line.substring(0, LINE_LIMIT) + "..." : line);
        }
        return m.toString();
    }
}
