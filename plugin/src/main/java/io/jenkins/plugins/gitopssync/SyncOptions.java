package io.jenkins.plugins.gitopssync;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every option of one sync, as plain data shared by the Pipeline step and the freestyle step. Blank
 * strings are normalized to null; {@code applySet} is the configured name or null for the default.
 */
public record SyncOptions(String url, String ref, String path, String credentialsId, String kubeconfigCredentialsId,
                          String serverUrl, String tokenCredentialsId, String caCertificate, String namespace,
                          String targetNamespace, boolean prune, boolean dryRun, boolean failOnDrift, boolean waitForHealth,
                          String timeout, boolean force, String applySet, int concurrency) implements Serializable {

    private static final long serialVersionUID = 1L;

    public SyncOptions {
        url = trim(url);
        ref = trim(ref);
        path = trim(path);
        credentialsId = trim(credentialsId);
        kubeconfigCredentialsId = trim(kubeconfigCredentialsId);
        serverUrl = trim(serverUrl);
        tokenCredentialsId = trim(tokenCredentialsId);
        caCertificate = trim(caCertificate);
        namespace = trim(namespace);
        targetNamespace = trim(targetNamespace);
        timeout = trim(timeout);
        applySet = trim(applySet);
    }

    /** The ref to check out: the configured one, or the remote's default branch (HEAD). */
    public String refOrHead() {
        return ref == null ? "HEAD" : ref;
    }

    public String pathOrRoot() {
        return path == null ? "." : path;
    }

    public Duration timeoutDuration() {
        return Durations.parse(timeout);
    }

    /** The configured ApplySet name, or the default one derived from the job's full name and the path. */
    public String applySetFor(String jobFullName) {
        return applySet != null ? applySet : ApplySetNames.defaultFor(jobFullName, path);
    }

    /** Every problem with these options, each a message the user can act on; empty when all is well. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        add(out, OptionChecks.url(url));
        add(out, OptionChecks.path(path));
        add(out, OptionChecks.timeout(timeout));
        add(out, OptionChecks.applySet(applySet));
        add(out, OptionChecks.namespace(namespace));
        add(out, OptionChecks.namespace(targetNamespace));
        add(out, OptionChecks.serverUrl(serverUrl));
        add(out, OptionChecks.concurrency(concurrency));
        add(out, OptionChecks.connection(kubeconfigCredentialsId, serverUrl, tokenCredentialsId));
        return out;
    }

    private static void add(List<String> out, String problem) {
        if (problem != null) {
            out.add(problem);
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        // never print the CA certificate blob; credentials are ids only
        return "SyncOptions[url=" + url + ", ref=" + ref + ", path=" + path + ", applySet=" + applySet + "]";
    }
}
