package io.jenkins.plugins.gitopssync.config;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetNames;
import io.jenkins.plugins.gitopssync.engine.kubeconfig.KubeconfigContext;
import io.jenkins.plugins.gitopssync.engine.kubeconfig.KubeconfigNeeds;
import io.jenkins.plugins.gitopssync.engine.kubeconfig.KubeconfigReader;
import io.jenkins.plugins.gitopssync.engine.source.UrlRedaction;
import io.jenkins.plugins.gitopssync.sync.CredentialResolver;
import io.jenkins.plugins.gitopssync.engine.verify.TrustedKeys;
import io.jenkins.plugins.gitopssync.engine.verify.VerifyMode;
import java.util.List;
import java.util.function.Supplier;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.gitclient.GitClient;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The form endpoints' logic, shared by the freestyle step's, the Pipeline step's and the trigger's
 * descriptors (each exposes the same {@code doFill...}/{@code doCheck...} methods and delegates here).
 * Credential lists need Item/Configure (Overall/Administer outside a job), else they show only the
 * current value; checks demand the same permission.
 */
@Restricted(NoExternalUse.class)
public final class GitOpsForms {

    /** Every configurable field of the sync options: each has a help file (checked by plugin/check-api). */
    public static final List<String> SYNC_FIELDS = List.of("url", "ref", "path", "credentialsId", "kubeconfigCredentialsId",
            "serverUrl", "tokenCredentialsId", "caCertificate", "namespace", "targetNamespace", "prune", "dryRun",
            "failOnDrift", "wait", "timeout", "force", "applySet", "concurrency", "verifySignatures",
            "trustedKeysCredentialsId", "trustedKeys", "context", "kubectl", "decryptionCredentialsId", "skipMacCheck",
            "substitute", "substituteCredentials", "substituteFrom", "strictSubstitution", "releaseName", "valuesFiles",
            "values", "parameters", "skipCrds", "helm", "chartCredentialsId");

    /** Kubeconfigs and trusted keys: a secret file or a secret text. */
    static final CredentialsMatcher FILE_OR_TEXT = CredentialsMatchers.anyOf(
            CredentialsMatchers.instanceOf(FileCredentials.class), CredentialsMatchers.instanceOf(StringCredentials.class));
    static final CredentialsMatcher TOKEN = CredentialsMatchers.instanceOf(StringCredentials.class);

    private GitOpsForms() {
    }

    static boolean canConfigure(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    /** Throws (HTTP 403) unless the user may configure the job (or administer Jenkins outside a job). */
    public static void checkConfigure(Item item) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
    }

    private static Authentication authOf(Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }

    public static ListBoxModel gitCredentials(Item item, String url, String current) {
        return credentials(item, url, current, GitClient.CREDENTIALS_MATCHER);
    }

    public static ListBoxModel kubeconfigCredentials(Item item, String current) {
        return credentials(item, null, current, FILE_OR_TEXT);
    }

    public static ListBoxModel trustedKeysCredentials(Item item, String current) {
        return credentials(item, null, current, FILE_OR_TEXT);
    }

    /** The signature modes, in the words the CLI uses; empty is no verification. */
    public static ListBoxModel signatureModes(String current) {
        ListBoxModel model = new ListBoxModel();
        model.add(Messages.GitOpsForms_VerifyOff(), "");
        for (VerifyMode mode : VerifyMode.values()) {
            model.add(switch (mode) {
                case COMMIT -> Messages.GitOpsForms_VerifyCommit();
                case TAG -> Messages.GitOpsForms_VerifyTag();
                case BOTH -> Messages.GitOpsForms_VerifyBoth();
            }, mode.word());
        }
        for (ListBoxModel.Option o : model) {
            o.selected = o.value.equals(current == null ? "" : current.trim());
        }
        return model;
    }

    /** The mode with the keys it needs; keys written into the job are parsed, and counted when they pass. */
    public static FormValidation checkSignatures(Item item, String mode, String keysCredentialsId, String keys) {
        return checked(item, () -> OptionChecks.signatures(mode, keysCredentialsId, keys));
    }

    public static FormValidation checkTrustedKeys(Item item, String keys) {
        checkConfigure(item);
        if (keys == null || keys.isBlank()) {
            return FormValidation.ok();
        }
        try {
            TrustedKeys parsed = TrustedKeys.parse(OptionChecks.jobKeys(), keys);
            return FormValidation.ok(Messages.GitOpsForms_TrustedKeys(parsed.openPgpKeys().size(), parsed.allowedSigners().size()));
        } catch (SyncException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /**
     * What the kubeconfig credential's context would need, read on the controller without running or opening
     * anything it names (and without connecting): whether builds and the trigger's cluster check can use it.
     */
    public static FormValidation checkKubeconfig(Item item, String credentialsId, String context) {
        checkConfigure(item);
        if (item == null || credentialsId == null || credentialsId.isBlank()) {
            return FormValidation.ok();
        }
        try {
            String what = Messages.ClusterConnection_KubeconfigCredential(credentialsId.trim());
            String content = CredentialResolver.forItem(item).kubeconfig(credentialsId.trim());
            KubeconfigContext selected = KubeconfigContext.select(KubeconfigReader.parse(content, what, null), context, what);
            KubeconfigNeeds needs = KubeconfigNeeds.of(selected);
            String server = UrlRedaction.redact(String.valueOf(selected.server()));
            if (needs.inert()) {
                return FormValidation.ok(Messages.GitOpsForms_KubeconfigInert(selected.name(), server));
            }
            return GitOpsGlobalSettings.get().isAllowKubeconfigCommandsOnController()
                    ? FormValidation.ok(Messages.GitOpsForms_KubeconfigNeedsMoreAllowed(selected.name(), server, needs.describe()))
                    : FormValidation.warning(Messages.GitOpsForms_KubeconfigNeedsMore(selected.name(), server, needs.describe()));
        } catch (SyncException | java.io.IOException e) {
            return FormValidation.error(UrlRedaction.redact(e.getMessage()));
        }
    }

    /** Keys for sops files: a secret file or a secret text (age identities or armored OpenPGP private keys). */
    public static ListBoxModel decryptionCredentials(Item item, String current) {
        return credentials(item, null, current, FILE_OR_TEXT);
    }

    public static FormValidation checkSubstitute(Item item, String value) {
        return checked(item, () -> SubstitutionChecks.substitute(value));
    }

    public static FormValidation checkSubstituteCredentials(Item item, String value) {
        return checked(item, () -> SubstitutionChecks.substituteCredentials(value));
    }

    public static FormValidation checkSubstituteFrom(Item item, String value) {
        return checked(item, () -> SubstitutionChecks.substituteFrom(value));
    }

    public static ListBoxModel tokenCredentials(Item item, String serverUrl, String current) {
        return credentials(item, serverUrl, current, TOKEN);
    }

    static ListBoxModel credentials(Item item, String uri, String current, CredentialsMatcher matcher) {
        StandardListBoxModel model = new StandardListBoxModel();
        String value = current == null ? "" : current;
        if (!canConfigure(item)) {
            model.includeCurrentValue(value);
            return model;
        }
        model.includeEmptyValue();
        model.includeMatchingAs(authOf(item), item, StandardCredentials.class,
                uri == null || uri.isBlank() ? List.of() : URIRequirementBuilder.fromUri(uri.trim()).build(), matcher);
        model.includeCurrentValue(value);
        return model;
    }

    /** Demands the permission to configure (HTTP 403 otherwise), then runs the check: null from it is OK. */
    private static FormValidation checked(Item item, Supplier<String> problem) {
        checkConfigure(item);
        return of(problem.get());
    }

    /** A check result from an {@link OptionChecks} message: null is OK. */
    static FormValidation of(String problem) {
        return problem == null ? FormValidation.ok() : FormValidation.error(problem);
    }

    public static FormValidation checkUrl(Item item, String value) {
        return checked(item, () -> OptionChecks.url(value));
    }

    public static FormValidation checkPath(Item item, String value) {
        return checked(item, () -> OptionChecks.path(value));
    }

    public static FormValidation checkTimeout(Item item, String value) {
        return checked(item, () -> OptionChecks.timeout(value));
    }

    public static FormValidation checkApplySet(Item item, String value) {
        checkConfigure(item);
        if (value == null || value.isBlank()) {
            String job = item == null ? "job" : item.getFullName();
            return FormValidation.ok(Messages.GitOpsForms_DefaultApplySet(ApplySetNames.forJob(job, null)));
        }
        return of(OptionChecks.applySet(value));
    }

    public static FormValidation checkNamespace(Item item, String value) {
        return checked(item, () -> OptionChecks.namespace(value));
    }

    public static FormValidation checkServerUrl(Item item, String value) {
        return checked(item, () -> OptionChecks.serverUrl(value));
    }

    public static FormValidation checkConcurrency(Item item, String value) {
        checkConfigure(item);
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        try {
            return of(OptionChecks.concurrency(Integer.parseInt(value.trim())));
        } catch (NumberFormatException e) {
            return FormValidation.error(Messages.OptionChecks_ConcurrencyNumber());
        }
    }
}
