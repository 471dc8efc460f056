package io.jenkins.plugins.gitopssync.config;

import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The fields a sync is configured with, the same in the Pipeline step and the freestyle step (as
 * junit-plugin's step and publisher share theirs): one form (the freestyle step's config.jelly, which the
 * step's includes), one set of help files, and one conversion to a {@link SyncSpec}
 * ({@link SyncSpec#of}). The trigger has the source and cluster part of them and builds its spec itself.
 */
@Restricted(NoExternalUse.class)
public interface SyncSettings {

    String getUrl();

    String getRef();

    String getPath();

    String getCredentialsId();

    String getKubeconfigCredentialsId();

    String getServerUrl();

    String getTokenCredentialsId();

    String getCaCertificate();

    String getNamespace();

    String getTargetNamespace();

    boolean isPrune();

    boolean isDryRun();

    boolean isFailOnDrift();

    boolean isWait();

    String getTimeout();

    boolean isForce();

    String getApplySet();

    int getConcurrency();

    /** Which signatures the revision needs before anything is synced: null (none), commit, tag or both. */
    String getVerifySignatures();

    /** A secret file or secret text credential holding trusted keys (public, but kept where admins manage them). */
    String getTrustedKeysCredentialsId();

    /** Trusted keys written into the job: armored OpenPGP public keys and SSH allowed-signers lines. */
    String getTrustedKeys();
}
