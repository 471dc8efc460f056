package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.Messages;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.gitopssync.config.SubstitutionChecks;
import io.jenkins.plugins.gitopssync.config.SyncSpec;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.decrypt.DecryptionKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Looks up, through the build (the triggering user's rights, tracked use), the credentials of the render:
 * decryption keys (secret file or secret text) and secret substitution values (secret text). The keys are
 * parsed here, so a wrong credential fails before the checkout; messages name ids, never contents.
 */
final class RenderCredentials {

    private RenderCredentials() {
    }

    static RenderSecrets resolve(Run<?, ?> run, SyncSpec spec) throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String id : SubstitutionChecks.ids(spec.decryptionCredentialsId())) {
            String content = fileOrText(run, id);
            if (content == null) {
                throw new AbortException(Messages.RenderCredentials_NoDecryptionKey(id));
            }
            try {
                DecryptionKeys.parse(content, Messages.CredentialResolver_OfCredential(id));
            } catch (SyncException e) {
                throw new AbortException(Messages.SyncRunner_Problems(e.getMessage()));
            }
            keys.put(id, content);
        }
        Map<String, String> variables = new LinkedHashMap<>();
        Map<String, String> refs;
        try {
            refs = SubstitutionChecks.pairs(spec.substituteCredentials(), "substituteCredentials");
        } catch (IllegalArgumentException e) {
            throw new AbortException(Messages.SyncRunner_Problems(e.getMessage()));
        }
        for (Map.Entry<String, String> e : refs.entrySet()) {
            StringCredentials text = find(run, e.getValue(), StringCredentials.class);
            if (text == null) {
                throw new AbortException(Messages.RenderCredentials_NoSecretText(e.getKey(), e.getValue()));
            }
            variables.put(e.getKey(), text.getSecret().getPlainText());
        }
        return new RenderSecrets(keys, variables);
    }

    private static String fileOrText(Run<?, ?> run, String id) throws IOException {
        FileCredentials file = find(run, id, FileCredentials.class);
        if (file != null) {
            try (InputStream in = file.getContent()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        StringCredentials text = find(run, id, StringCredentials.class);
        return text == null ? null : text.getSecret().getPlainText();
    }

    private static <C extends IdCredentials> C find(Run<?, ?> run, String id, Class<C> type) {
        return CredentialsProvider.track(run, CredentialsProvider.findCredentialById(id, type, run, List.of()));
    }
}
