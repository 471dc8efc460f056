package io.jenkins.plugins.gitopssync.config;

import io.jenkins.plugins.gitopssync.engine.SyncRequest;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetNames;
import io.jenkins.plugins.gitopssync.engine.options.Durations;
import io.jenkins.plugins.gitopssync.engine.substitute.Substitution;
import io.jenkins.plugins.gitopssync.engine.verify.VerifyMode;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Every option of one sync, as plain data shared by the Pipeline step, the freestyle step and the
 * trigger. Blank strings are normalized to null; {@code applySet} is the configured name or null for
 * the default. A plain class rather than a record: it is saved with a running Pipeline's program and
 * sent to agents, and records are not supported by every serializer on that path.
 */
@Restricted(NoExternalUse.class)
public final class SyncSpec implements Serializable {

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
    private final String verifySignatures;
    private final String trustedKeysCredentialsId;
    private final String trustedKeys;
    private final String context;
    private final String kubectl;
    private final String decryptionCredentialsId;
    private final boolean skipMacCheck;
    private final String substitute;
    private final String substituteCredentials;
    private final String substituteFrom;
    private final boolean strictSubstitution;
    private final String releaseName;
    private final String valuesFiles;
    private final String values;
    private final String parameters;
    private final boolean skipCrds;
    private final String helm;
    private final String chartCredentialsId;

    private SyncSpec(Builder b) {
        this.url = trim(b.url);
        this.ref = trim(b.ref);
        this.path = trim(b.path);
        this.credentialsId = trim(b.credentialsId);
        this.kubeconfigCredentialsId = trim(b.kubeconfigCredentialsId);
        this.serverUrl = trim(b.serverUrl);
        this.tokenCredentialsId = trim(b.tokenCredentialsId);
        this.caCertificate = trim(b.caCertificate);
        this.namespace = trim(b.namespace);
        this.targetNamespace = trim(b.targetNamespace);
        this.prune = b.prune;
        this.dryRun = b.dryRun;
        this.failOnDrift = b.failOnDrift;
        this.waitForHealth = b.waitForHealth;
        this.timeout = trim(b.timeout);
        this.force = b.force;
        this.applySet = trim(b.applySet);
        this.concurrency = b.concurrency;
        this.verifySignatures = trim(b.verifySignatures);
        this.trustedKeysCredentialsId = trim(b.trustedKeysCredentialsId);
        this.trustedKeys = trim(b.trustedKeys);
        this.context = trim(b.context);
        this.kubectl = trim(b.kubectl);
        this.decryptionCredentialsId = trim(b.decryptionCredentialsId);
        this.skipMacCheck = b.skipMacCheck;
        this.substitute = trim(b.substitute);
        this.substituteCredentials = trim(b.substituteCredentials);
        this.substituteFrom = trim(b.substituteFrom);
        this.strictSubstitution = b.strictSubstitution;
        this.releaseName = trim(b.releaseName);
        this.valuesFiles = trim(b.valuesFiles);
        this.values = b.values == null || b.values.isBlank() ? null : b.values;
        this.parameters = trim(b.parameters);
        this.skipCrds = b.skipCrds;
        this.helm = trim(b.helm);
        this.chartCredentialsId = trim(b.chartCredentialsId);
    }

    /** A spec of the repository at {@code url}; every other option has its default until set. */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    /**
     * The spec of a step's fields (Pipeline or freestyle: {@link SyncSettings}), each value that may hold
     * build variables passed through {@code expand} (credential ids are not: the credentials lookup
     * resolves {@code ${PARAM}} ids itself; a chart's parameters are expanded when the sync runs, where it is
     * known which variables hold credentials; inline values are YAML taken as written).
     */
    public static SyncSpec of(SyncSettings f, UnaryOperator<String> expand) {
        UnaryOperator<String> x = v -> v == null ? null : expand.apply(v);
        return builder(x.apply(f.getUrl())).ref(x.apply(f.getRef())).path(x.apply(f.getPath()))
                .credentialsId(f.getCredentialsId()).kubeconfigCredentialsId(f.getKubeconfigCredentialsId())
                .serverUrl(x.apply(f.getServerUrl())).tokenCredentialsId(f.getTokenCredentialsId())
                .caCertificate(f.getCaCertificate()).namespace(x.apply(f.getNamespace()))
                .targetNamespace(x.apply(f.getTargetNamespace())).prune(f.isPrune()).dryRun(f.isDryRun())
                .failOnDrift(f.isFailOnDrift()).waitForHealth(f.isWait()).timeout(x.apply(f.getTimeout()))
                .force(f.isForce()).applySet(x.apply(f.getApplySet())).concurrency(f.getConcurrency())
                .verifySignatures(x.apply(f.getVerifySignatures())).trustedKeysCredentialsId(f.getTrustedKeysCredentialsId())
                .trustedKeys(f.getTrustedKeys()).context(x.apply(f.getContext())).kubectl(x.apply(f.getKubectl()))
                .decryptionCredentialsId(f.getDecryptionCredentialsId())
                .skipMacCheck(f.isSkipMacCheck()).substitute(x.apply(f.getSubstitute()))
                .substituteCredentials(f.getSubstituteCredentials()).substituteFrom(x.apply(f.getSubstituteFrom()))
                .strictSubstitution(f.isStrictSubstitution())
                .releaseName(x.apply(f.getReleaseName()))
                .valuesFiles(x.apply(f.getValuesFiles())).values(f.getValues()).parameters(f.getParameters())
                .skipCrds(f.isSkipCrds()).helm(x.apply(f.getHelm())).chartCredentialsId(f.getChartCredentialsId()).build();
    }

    /** Named options, with the engine's defaults (health wait on, nothing else). */
    public static final class Builder {
        private final String url;
        private String ref;
        private String path;
        private String credentialsId;
        private String kubeconfigCredentialsId;
        private String serverUrl;
        private String tokenCredentialsId;
        private String caCertificate;
        private String namespace;
        private String targetNamespace;
        private boolean prune;
        private boolean dryRun;
        private boolean failOnDrift;
        private boolean waitForHealth = SyncRequest.DEFAULT_WAIT_FOR_HEALTH;
        private String timeout;
        private boolean force;
        private String applySet;
        private int concurrency;
        private String verifySignatures;
        private String trustedKeysCredentialsId;
        private String trustedKeys;
        private String context;
        private String kubectl;
        private String decryptionCredentialsId;
        private boolean skipMacCheck;
        private String substitute;
        private String substituteCredentials;
        private String substituteFrom;
        private boolean strictSubstitution = Substitution.DEFAULT_STRICT;
        private String releaseName;
        private String valuesFiles;
        private String values;
        private String parameters;
        private boolean skipCrds;
        private String helm;
        private String chartCredentialsId;

        private Builder(String url) {
            this.url = url;
        }

        public Builder ref(String v) { ref = v; return this; }
        public Builder path(String v) { path = v; return this; }
        public Builder credentialsId(String v) { credentialsId = v; return this; }
        public Builder kubeconfigCredentialsId(String v) { kubeconfigCredentialsId = v; return this; }
        public Builder serverUrl(String v) { serverUrl = v; return this; }
        public Builder tokenCredentialsId(String v) { tokenCredentialsId = v; return this; }
        public Builder caCertificate(String v) { caCertificate = v; return this; }
        public Builder namespace(String v) { namespace = v; return this; }
        public Builder targetNamespace(String v) { targetNamespace = v; return this; }
        public Builder prune(boolean v) { prune = v; return this; }
        public Builder dryRun(boolean v) { dryRun = v; return this; }
        public Builder failOnDrift(boolean v) { failOnDrift = v; return this; }
        public Builder waitForHealth(boolean v) { waitForHealth = v; return this; }
        public Builder timeout(String v) { timeout = v; return this; }
        public Builder force(boolean v) { force = v; return this; }
        public Builder applySet(String v) { applySet = v; return this; }
        public Builder concurrency(int v) { concurrency = v; return this; }
        public Builder verifySignatures(String v) { verifySignatures = v; return this; }
        public Builder trustedKeysCredentialsId(String v) { trustedKeysCredentialsId = v; return this; }
        public Builder trustedKeys(String v) { trustedKeys = v; return this; }
        public Builder context(String v) { context = v; return this; }
        public Builder kubectl(String v) { kubectl = v; return this; }
        public Builder decryptionCredentialsId(String v) { decryptionCredentialsId = v; return this; }
        public Builder skipMacCheck(boolean v) { skipMacCheck = v; return this; }
        public Builder substitute(String v) { substitute = v; return this; }
        public Builder substituteCredentials(String v) { substituteCredentials = v; return this; }
        public Builder substituteFrom(String v) { substituteFrom = v; return this; }
        public Builder strictSubstitution(boolean v) { strictSubstitution = v; return this; }
        public Builder releaseName(String v) { releaseName = v; return this; }
        public Builder valuesFiles(String v) { valuesFiles = v; return this; }
        public Builder values(String v) { values = v; return this; }
        public Builder parameters(String v) { parameters = v; return this; }
        public Builder skipCrds(boolean v) { skipCrds = v; return this; }
        public Builder helm(String v) { helm = v; return this; }
        public Builder chartCredentialsId(String v) { chartCredentialsId = v; return this; }

        public SyncSpec build() {
            return new SyncSpec(this);
        }
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

    public String verifySignatures() {
        return verifySignatures;
    }

    public String trustedKeysCredentialsId() {
        return trustedKeysCredentialsId;
    }

    public String trustedKeys() {
        return trustedKeys;
    }

    /** The kubeconfig context to use, or null for the kubeconfig's current one. */
    public String context() {
        return context;
    }

    /** The kubectl that builds Kustomizations (a path, or a name on the build's PATH), or null for the default. */
    public String kubectl() {
        return kubectl;
    }

    public String decryptionCredentialsId() {
        return decryptionCredentialsId;
    }

    public boolean skipMacCheck() {
        return skipMacCheck;
    }

    public String substitute() {
        return substitute;
    }

    public String substituteCredentials() {
        return substituteCredentials;
    }

    public String substituteFrom() {
        return substituteFrom;
    }

    public boolean strictSubstitution() {
        return strictSubstitution;
    }

    public String releaseName() {
        return releaseName;
    }

    /** The values files as written (one per line or comma-separated); {@link #valuesFileList()} splits them. */
    public String valuesFiles() {
        return valuesFiles;
    }

    public List<String> valuesFileList() {
        return ChartChecks.valuesFileList(valuesFiles);
    }

    public String values() {
        return values;
    }

    /** The parameters as written, {@code ${VARIABLES}} not yet expanded. */
    public String parameters() {
        return parameters;
    }

    public boolean skipCrds() {
        return skipCrds;
    }

    public String helm() {
        return helm;
    }

    public String chartCredentialsId() {
        return chartCredentialsId;
    }

    /** Which signatures the revision needs, or null when they are not checked. */
    public VerifyMode verifyMode() {
        return verifySignatures == null ? null : VerifyMode.parse(verifySignatures);
    }

    /** The ref to check out: the configured one, or the remote's default branch (HEAD). */
    public String refOrHead() {
        return ref == null ? "HEAD" : ref;
    }

    public String pathOrRoot() {
        return path == null ? "." : path;
    }

    public Duration timeoutDuration() {
        return Durations.parseLimit(timeout, SyncRequest.DEFAULT_TIMEOUT);
    }

    /** The configured ApplySet name, or the default one derived from the job's full name and the path. */
    public String applySetFor(String jobFullName) {
        return applySet != null ? applySet : ApplySetNames.forJob(jobFullName, path);
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
        add(out, OptionChecks.signatures(verifySignatures, trustedKeysCredentialsId, trustedKeys));
        add(out, SubstitutionChecks.substitute(substitute));
        add(out, SubstitutionChecks.substituteCredentials(substituteCredentials));
        add(out, SubstitutionChecks.substituteFrom(substituteFrom));
        add(out, ChartChecks.valuesFiles(valuesFiles));
        add(out, ChartChecks.parameters(parameters));
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
        return "SyncSpec[url=" + url + ", ref=" + ref + ", path=" + path + ", applySet=" + applySet // NOI18N
                + (valuesFiles == null ? "" : ", valuesFiles=" + valuesFileList()) + "]"; // NOI18N
    }
}
