package io.jenkins.plugins.gitopssync.testing;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.util.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;

/** Puts credentials in Jenkins' global store, as an administrator would. */
public final class TestCredentials {

    private TestCredentials() {
    }

    public static <C extends Credentials> C add(Jenkins jenkins, C credentials) throws IOException {
        CredentialsProvider.lookupStores(jenkins).iterator().next().addCredentials(Domain.global(), credentials);
        return credentials;
    }

    public static FileCredentialsImpl kubeconfigFile(String id, String content) {
        return new FileCredentialsImpl(CredentialsScope.GLOBAL, id, "kubeconfig", "kubeconfig",
                SecretBytes.fromRawBytes(content.getBytes(StandardCharsets.UTF_8)));
    }

    public static UsernamePasswordCredentialsImpl usernamePassword(String id, String user, String password) throws Exception {
        return new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, id, "git", user, password);
    }

    public static StringCredentialsImpl secretText(String id, String value) {
        return new StringCredentialsImpl(CredentialsScope.GLOBAL, id, "secret text", Secret.fromString(value));
    }
}
