package io.jenkins.plugins.gitopssync.config;

import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.SyncRequest;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetNames;
import io.jenkins.plugins.gitopssync.engine.identity.NamespaceNames;
import io.jenkins.plugins.gitopssync.engine.options.Durations;
import io.jenkins.plugins.gitopssync.engine.source.PathGuard;
import io.jenkins.plugins.gitopssync.engine.verify.TrustedKeys;
import io.jenkins.plugins.gitopssync.engine.verify.VerifyMode;
import java.util.Locale;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Checks of single option values, shared by the form validations and the run-time checks. Each returns
 * null when the value is fine, else a message the user can act on.
 */
@Restricted(NoExternalUse.class)
public final class OptionChecks {

    /** Where keys written into the job come from, as parse errors name it. */
    public static String jobKeys() {
        return Messages.OptionChecks_JobKeys();
    }

    private OptionChecks() {
    }

    public static String url(String url) {
        if (url == null || url.isBlank()) {
            return Messages.OptionChecks_UrlRequired();
        }
        String u = url.trim();
        if (u.contains(" ")) {
            return Messages.OptionChecks_UrlSpaces();
        }
        return null;
    }

    /** The path must stay inside the repository: the engine's rule ({@link PathGuard#refusal}), said in the form's words. */
    public static String path(String path) {
        return PathGuard.refusal(path).map(r -> r == PathGuard.Refusal.ABSOLUTE ? Messages.OptionChecks_PathAbsolute(path)
                : Messages.OptionChecks_PathEscapes(path)).orElse(null);
    }

    public static String timeout(String timeout) {
        try {
            Durations.parseLimit(timeout, SyncRequest.DEFAULT_TIMEOUT);
            return null;
        } catch (IllegalArgumentException e) {
            return Messages.OptionChecks_Timeout(e.getMessage());
        }
    }

    public static String applySet(String name) {
        // the engine's rule, so the form refuses exactly what a sync would
        return name == null || name.isBlank() ? null : ApplySetNames.problem(name.trim()).orElse(null);
    }

    public static String namespace(String ns) {
        return ns == null || ns.isBlank() ? null : NamespaceNames.problem(ns.trim()).orElse(null);
    }

    public static String serverUrl(String serverUrl) {
        if (serverUrl == null || serverUrl.isBlank()) {
            return null;
        }
        String s = serverUrl.trim().toLowerCase(Locale.ROOT);
        if (!s.startsWith("https://") && !s.startsWith("http://")) {
            return Messages.OptionChecks_ServerUrl(serverUrl);
        }
        return null;
    }

    /** The engine's bounds ({@link SyncRequest#concurrencyProblem}). */
    public static String concurrency(int concurrency) {
        return SyncRequest.concurrencyProblem(concurrency).isPresent() ? Messages.OptionChecks_Concurrency() : null;
    }

    /** A connection is a kubeconfig credential, or a server URL with a token credential, or neither (in-cluster). */
    public static String connection(String kubeconfigCredentialsId, String serverUrl, String tokenCredentialsId) {
        boolean kube = notBlank(kubeconfigCredentialsId);
        boolean server = notBlank(serverUrl);
        boolean token = notBlank(tokenCredentialsId);
        if (kube && (server || token)) {
            return Messages.OptionChecks_BothConnections();
        }
        if (server != token) {
            return Messages.OptionChecks_ServerNeedsToken();
        }
        return null;
    }

    /**
     * Signature verification: a known mode, and trusted keys for it (a credential or keys in the job); keys
     * written into the job must parse. Keys without a mode are refused too: the job would look verified
     * and sync anything.
     */
    public static String signatures(String mode, String keysCredentialsId, String keys) {
        boolean hasKeys = notBlank(keysCredentialsId) || notBlank(keys);
        if (!notBlank(mode)) {
            return hasKeys ? Messages.OptionChecks_KeysWithoutMode() : null;
        }
        try {
            VerifyMode.parse(mode);
        } catch (IllegalArgumentException e) {
            return Messages.OptionChecks_SignatureMode(mode);
        }
        if (!hasKeys) {
            return Messages.OptionChecks_ModeWithoutKeys(mode.trim());
        }
        return trustedKeys(keys);
    }

    /** Keys written into the job, when there are any: they must parse as trusted keys. */
    public static String trustedKeys(String keys) {
        if (!notBlank(keys)) {
            return null;
        }
        try {
            TrustedKeys.parse(jobKeys(), keys);
            return null;
        } catch (SyncException e) {
            return e.getMessage();
        }
    }

    /** A PEM text as it is kept: a browser form may send CRLF line ends, PEM is stored with LF; blank is null. */
    public static String pem(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.replace("\r\n", "\n").trim();
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
