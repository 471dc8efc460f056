package io.jenkins.plugins.gitopssync.engine.source;

import java.util.regex.Pattern;

/**
 * URLs as they may be shown: the whole user part of every {@code scheme://user:password@host} in a text is
 * dropped, user name included, since a token is often written as the user name. Scp-like addresses
 * ({@code git@host:org/repo}) are kept as they are: their user is a fixed login, never a secret.
 */
public final class UrlRedaction {

    /**
     * The user part runs to the last '@' before the first '/' or white space, so a password holding a raw
     * '@', ':', '?' or '#' is dropped whole; at worst a query's '@' costs the text its host, never a secret.
     */
    private static final Pattern USER_INFO = Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://)[^/\\s]*@");

    private UrlRedaction() {
    }

    /** "fetch https://u:token@host/x.git" → "fetch https://host/x.git"; null stays null. */
    public static String redact(String text) {
        return text == null ? null : USER_INFO.matcher(text).replaceAll("$1");
    }
}
