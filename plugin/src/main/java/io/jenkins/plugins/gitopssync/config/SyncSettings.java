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

    /** The kubeconfig context to use; null for the kubeconfig's current context. */
    String getContext();

    /** The kubectl for Kustomize: a path or a name looked up on the build's PATH; null for kubectl on the PATH. */
    String getKubectl();

    /** Secret file or secret text credentials with age identities or armored OpenPGP private keys, separated by commas. */
    String getDecryptionCredentialsId();

    /** Decrypt sops files without checking their MAC (Flux's default). */
    boolean isSkipMacCheck();

    /** Post-build substitution variables, one KEY=VALUE a line. */
    String getSubstitute();

    /** Variables whose values are secret text credentials, one NAME=credentialsId a line; masked wherever they show. */
    String getSubstituteCredentials();

    /** ConfigMaps and Secrets of the cluster holding variables, one configmap/NAME or secret/NAME (? optional) a line. */
    String getSubstituteFrom();

    /** An undefined variable without a default fails the sync (on by default). */
    boolean isStrictSubstitution();

    /** A chart's release name; null for the default (the ApplySet's name). */
    String getReleaseName();

    /** A chart's values files, relative to the repository root, one per line (or comma-separated), later ones winning. */
    String getValuesFiles();

    /** A chart's inline values (YAML), above the values files. */
    String getValues();

    /** A chart's parameters, {@code key=value} in Helm's --set grammar, one per line; may name ${VARIABLES}. */
    String getParameters();

    /** Leave a chart's crds/ out. */
    boolean isSkipCrds();

    /** The helm to render charts with (a path or a name on the build's PATH); null for the default. */
    String getHelm();

    /** A username/password credential for the chart repositories a chart's dependencies come from. */
    String getChartCredentialsId();
}
