package io.jenkins.plugins.gitopssync;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every option of one sync, as plain data shared by the Pipeline step, the freestyle step and the
 * trigger. Blank strings are normalized to null; {@code applySet} is the configured name or null for
 * the default. A plain class rather than a record: it is saved with a running Pipeline's program and
 * sent to agents, and records are not supported by every serializer on that path.
 */
public final class SyncOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String url;
    private final String ref;
    private final String path;
    private final String credentialsId;
    private final String kubeconfigCredentialsId;
    private final String serverUrl;
    private final String tokenCredentialsId;
    private final String caCertificate;
    private final String namespace;
    private final String targetNamespace;
    private final boolean prune;
    private final boolean dryRun;
    private final boolean failOnDrift;
    private final boolean waitForHealth;
    private final String timeout;
    private final boolean force;
    private final String applySet;
    private final int concurrency;

    public SyncOptions(String url, String ref, String path, String credentialsId, String kubeconfigCredentialsId,
                       String serverUrl, String tokenCredentialsId, String caCertificate, String namespace,
                       String targetNamespace, boolean prune, boolean dryRun, boolean failOnDrift, boolean waitForHealth,
                       String timeout, boolean force, String applySet, int concurrency) {
        this.url = trim(url);
        this.ref = trim(ref);
        this.path = trim(path);
        this.credentialsId = trim(credentialsId);
        this.kubeconfigCredentialsId = trim(kubeconfigCredentialsId);
        this.serverUrl = trim(serverUrl);
        this.tokenCredentialsId = trim(tokenCredentialsId);
        this.caCertificate = trim(caCertificate);
        this.namespace = trim(namespace);
        this.targetNamespace = trim(targetNamespace);
        this.prune = prune;
        this.dryRun = dryRun;
        this.failOnDrift = failOnDrift;
        this.waitForHealth = waitForHealth;
        this.timeout = trim(timeout);
        this.force = force;
        this.applySet = trim(applySet);
        this.concurrency = concurrency;
    }

    public String url() {
        return url;
    }

    public String ref() {
        return ref;
    }

    public String path() {
        return path;
    }

    public String credentialsId() {
        return credentialsId;
    }

    public String kubeconfigCredentialsId() {
        return kubeconfigCredentialsId;
    }

    public String serverUrl() {
        return serverUrl;
    }

    public String tokenCredentialsId() {
        return tokenCredentialsId;
    }

    public String caCertificate() {
        return caCertificate;
    }

    public String namespace() {
        return namespace;
    }

    public String targetNamespace() {
        return targetNamespace;
    }

    public boolean prune() {
        return prune;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public boolean failOnDrift() {
        return failOnDrift;
    }

    public boolean waitForHealth() {
        return waitForHealth;
    }

    public String timeout() {
        return timeout;
    }

    public boolean force() {
        return force;
    }

    public String applySet() {
        return applySet;
    }

    public int concurrency() {
        return concurrency;
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
