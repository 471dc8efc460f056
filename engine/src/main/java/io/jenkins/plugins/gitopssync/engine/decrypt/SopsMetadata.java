package io.jenkins.plugins.gitopssync.engine.decrypt;

import io.jenkins.plugins.gitopssync.engine.goyaml.YamlTree;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code sops} section of an encrypted file: the data key wrapped for each age recipient and
 * OpenPGP key, the MAC and its timestamp, and the encryption rules. Key groups split with Shamir's
 * scheme, comment-regex rules and cloud KMS / Vault keys are outside what this engine decrypts.
 */
record SopsMetadata(List<Recipient> age, List<Recipient> pgp, List<String> otherKeys, String lastModified,
                    String mac, EncryptionRules rules, boolean macOnlyEncrypted) {

    /** A recipient ({@code age1…} or an OpenPGP fingerprint) and its wrapped data key. */
    record Recipient(String id, String enc) {
    }

    private static final List<String> OTHER_KEY_TYPES = List.of("kms", "gcp_kms", "azure_kv", "hc_vault", "hckms");

    static SopsMetadata of(YamlTree.Mapping sops) throws DecryptionException {
        List<Recipient> age = recipients(sops.get("age"), "recipient");
        List<Recipient> pgp = recipients(sops.get("pgp"), "fp");
        List<String> other = new ArrayList<>();
        for (String type : OTHER_KEY_TYPES) {
            if (sops.get(type) instanceof List<?> l && !l.isEmpty()) {
                other.add(type);
            }
        }
        if (sops.get("key_groups") instanceof List<?> groups && !groups.isEmpty()) {
            if (groups.size() > 1) {
                throw new DecryptionException("it uses " + groups.size() + " key groups (Shamir's secret sharing), which"
                        + " this engine does not decrypt; encrypt it for one group of age or OpenPGP keys");
            }
            if (groups.get(0) instanceof YamlTree.Mapping group) {
                age = recipients(group.get("age"), "recipient");
                pgp = recipients(group.get("pgp"), "fp");
            }
        }
        for (String unsupported : List.of("unencrypted_comment_regex", "encrypted_comment_regex")) {
            if (text(sops, unsupported) != null) {
                throw new DecryptionException("it uses " + unsupported + ", which this engine does not decrypt");
            }
        }
        String lastModified = text(sops, "lastmodified");
        String mac = text(sops, "mac");
        if (lastModified == null || mac == null) {
            throw new DecryptionException("its sops metadata has no lastmodified or mac");
        }
        return new SopsMetadata(age, pgp, other, lastModified, mac, rules(sops),
                Boolean.TRUE.equals(sops.get("mac_only_encrypted")) || "true".equals(sops.get("mac_only_encrypted")));
    }

    /** The MAC's additional data: the timestamp as Go's RFC 3339 layout prints it (no fraction). */
    String macAdditionalData() throws DecryptionException {
        try {
            OffsetDateTime t = OffsetDateTime.parse(lastModified);
            DateTimeFormatter base = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
            String offset = t.getOffset().equals(ZoneOffset.UTC) ? "Z" : t.getOffset().getId();
            return t.format(base) + offset;
        } catch (DateTimeParseException e) {
            throw new DecryptionException("its sops lastmodified is not an RFC 3339 time");
        }
    }

    /** Who the file was encrypted for, for messages. */
    List<String> describeRecipients() {
        List<String> out = new ArrayList<>();
        age.forEach(r -> out.add("age " + r.id()));
        pgp.forEach(r -> out.add("OpenPGP " + r.id()));
        otherKeys.forEach(t -> out.add(t + " (not supported here)"));
        return out;
    }

    private static EncryptionRules rules(YamlTree.Mapping sops) throws DecryptionException {
        String unencSuffix = text(sops, "unencrypted_suffix");
        String encSuffix = text(sops, "encrypted_suffix");
        String unencRegex = text(sops, "unencrypted_regex");
        String encRegex = text(sops, "encrypted_regex");
        long set = java.util.stream.Stream.of(unencSuffix, encSuffix, unencRegex, encRegex).filter(s -> s != null).count();
        if (set > 1) {
            throw new DecryptionException("its sops metadata sets more than one of encrypted_suffix, unencrypted_suffix,"
                    + " encrypted_regex and unencrypted_regex");
        }
        if (set == 0) {
            unencSuffix = EncryptionRules.DEFAULT_UNENCRYPTED_SUFFIX;
        }
        return new EncryptionRules(unencSuffix, encSuffix, regex(unencRegex, "unencrypted_regex"), regex(encRegex, "encrypted_regex"));
    }

    private static Pattern regex(String text, String field) throws DecryptionException {
        try {
            return text == null ? null : Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new DecryptionException("its " + field + " is not a valid regular expression");
        }
    }

    private static String text(YamlTree.Mapping m, String key) {
        Object v = m.get(key);
        return v == null || "".equals(v) ? null : String.valueOf(v);
    }

    private static List<Recipient> recipients(Object list, String idField) {
        List<Recipient> out = new ArrayList<>();
        if (list instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof YamlTree.Mapping m && m.get("enc") instanceof String enc) {
                    out.add(new Recipient(String.valueOf(m.get(idField)), enc));
                }
            }
        }
        return out;
    }
}
