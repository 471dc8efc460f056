package io.jenkins.plugins.gitopssync.engine.decrypt;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which values of a file sops encrypted, from its metadata: at most one of {@code unencrypted_suffix}
 * (default {@code _unencrypted}), {@code encrypted_suffix}, {@code unencrypted_regex} and
 * {@code encrypted_regex}, each tested against every key on the value's path (a regex matches anywhere
 * in the key, as Go's regexp.Match does).
 */
record EncryptionRules(String unencryptedSuffix, String encryptedSuffix, Pattern unencryptedRegex,
                       Pattern encryptedRegex) {

    static final String DEFAULT_UNENCRYPTED_SUFFIX = "_unencrypted";

    boolean encrypts(List<String> path) {
        if (unencryptedSuffix != null) {
            return path.stream().noneMatch(k -> k.endsWith(unencryptedSuffix));
        }
        if (encryptedSuffix != null) {
            return path.stream().anyMatch(k -> k.endsWith(encryptedSuffix));
        }
        if (unencryptedRegex != null) {
            return path.stream().noneMatch(k -> unencryptedRegex.matcher(k).find());
        }
        return path.stream().anyMatch(k -> encryptedRegex.matcher(k).find());
    }
}
