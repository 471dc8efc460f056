package io.jenkins.plugins.gitopssync.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Last line of defence before anything reaches the terminal: strips user info (user:password@)
 * from every URL in a text and masks the values of known secrets (Git password or token from the
 * environment), wherever they appear.
 */
final class Redactor {

    /** scheme://userinfo@ — userinfo may hold a password or token. */
    private static final Pattern URL_USERINFO = Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]+@");

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
        String result = stripUserInfo(text);
        for (String secret : secrets) {
            result = result.replace(secret, "***");
        }
        return result;
    }

    /** "https://user:token@host/repo" → "https://host/repo"; text without URLs is returned as it is. */
    static String stripUserInfo(String text) {
        return text == null ? null : URL_USERINFO.matcher(text).replaceAll("$1");
    }
}
