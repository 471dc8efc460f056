package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.source.UrlRedaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Last line of defence before anything reaches the terminal: strips user info (user:password@)
 * from every URL in a text (the engine's {@link UrlRedaction}) and masks the values of known secrets (Git password or token from the
 * environment), wherever they appear.
 */
final class Redactor {

    /** Secrets shorter than this are not masked: replacing e.g. "a" everywhere would garble the text. */
    private static final int MIN_SECRET_LENGTH = 4;

    private final List<String> secrets = new ArrayList<>();

    Redactor(Collection<String> secretValues) {
        for (String s : secretValues) {
            if (s != null && s.length() >= MIN_SECRET_LENGTH) {
                secrets.add(s);
            }
        }
    }

    String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = UrlRedaction.redact(text);
        for (String secret : secrets) {
            result = result.replace(secret, "***");
        }
        return result;
    }
}
