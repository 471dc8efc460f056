package io.jenkins.plugins.gitopssync.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Git credentials, taken from the environment only (never from the command line, where they would
 * end up in shell history and process lists).
 *
 * @param username   GITOPS_SYNC_GIT_USERNAME (https; "git" when only a password or token is set)
 * @param password   GITOPS_SYNC_GIT_PASSWORD, or GITOPS_SYNC_GIT_TOKEN
 * @param sshKeyFile GITOPS_SYNC_SSH_KEY_FILE, a private key for ssh:// URLs
 * @param knownHosts GITOPS_SYNC_SSH_KNOWN_HOSTS, the known_hosts file to check the server's key against
 *                   (default ~/.ssh/known_hosts); unknown hosts are refused
 * @param sshKeyPassphrase GITOPS_SYNC_SSH_KEY_PASSPHRASE, for an encrypted private key
 */
record GitCredentials(String username, String password, Path sshKeyFile, Path knownHosts, String sshKeyPassphrase) {

    static final String USERNAME = "GITOPS_SYNC_GIT_USERNAME";
    static final String PASSWORD = "GITOPS_SYNC_GIT_PASSWORD";
    static final String TOKEN = "GITOPS_SYNC_GIT_TOKEN";
    static final String SSH_KEY_FILE = "GITOPS_SYNC_SSH_KEY_FILE";
    static final String SSH_KNOWN_HOSTS = "GITOPS_SYNC_SSH_KNOWN_HOSTS";
    static final String SSH_KEY_PASSPHRASE = "GITOPS_SYNC_SSH_KEY_PASSPHRASE";

    static GitCredentials fromEnvironment(Map<String, String> env) {
        String password = blankToNull(env.get(PASSWORD));
        if (password == null) {
            password = blankToNull(env.get(TOKEN));
        }
        String keyFile = blankToNull(env.get(SSH_KEY_FILE));
        String knownHosts = blankToNull(env.get(SSH_KNOWN_HOSTS));
        return new GitCredentials(blankToNull(env.get(USERNAME)), password, keyFile == null ? null : Path.of(keyFile),
                knownHosts == null ? null : Path.of(knownHosts), blankToNull(env.get(SSH_KEY_PASSPHRASE)));
    }

    /** Values to mask in every line printed. */
    static List<String> secretValues(Map<String, String> env) {
        List<String> values = new ArrayList<>();
        for (String name : List.of(PASSWORD, TOKEN, SSH_KEY_PASSPHRASE)) {
            String v = blankToNull(env.get(name));
            if (v != null) {
                values.add(v);
            }
        }
        return values;
    }

    /** For https: null when no password or token is set (public repositories). */
    CredentialsProvider httpCredentials() {
        if (password == null) {
            return null;
        }
        return new UsernamePasswordCredentialsProvider(username == null ? "git" : username, password);
    }

    /**
     * For ssh: answers only the key passphrase question (JGit asks the transport's credentials provider
     * for it); null when no passphrase is set, so an encrypted key fails with a clear message.
     */
    CredentialsProvider sshCredentials() {
        if (sshKeyPassphrase == null) {
            return null;
        }
        return new CredentialsProvider() {
            @Override
            public boolean isInteractive() {
                return false;
            }

            @Override
            public boolean supports(CredentialItem... items) {
                for (CredentialItem item : items) {
                    if (!(item instanceof CredentialItem.Password || item instanceof CredentialItem.InformationalMessage)) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public boolean get(URIish uri, CredentialItem... items) {
                if (!supports(items)) {
                    return false; // e.g. "accept this unknown host key?": no
                }
                for (CredentialItem item : items) {
                    if (item instanceof CredentialItem.Password password) {
                        password.setValue(sshKeyPassphrase.toCharArray());
                    }
                }
                return true;
            }
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "GitCredentials[username=" + username + ", password=" + (password == null ? "none" : "***")
                + ", sshKeyFile=" + sshKeyFile + ", knownHosts=" + knownHosts + ", sshKeyPassphrase="
                + (sshKeyPassphrase == null ? "none" : "***") + "]";
    }
}
