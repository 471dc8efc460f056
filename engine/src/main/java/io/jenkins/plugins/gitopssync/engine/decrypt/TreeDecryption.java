package io.jenkins.plugins.gitopssync.engine.decrypt;

import io.jenkins.plugins.gitopssync.engine.goyaml.YamlTree;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Walks a file's documents as sops does: each value the file's rules say is encrypted is decrypted with
 * its path ({@code key:key:}) as additional data, comments too, and the SHA-512 MAC is computed over the
 * plain values in file order (only the encrypted ones with {@code mac_only_encrypted}). Each decrypted
 * value is handed to {@code secrets}, for masking.
 */
final class TreeDecryption {

    private static final java.util.Set<String> IDENTITY_FIELDS = java.util.Set.of("apiVersion", "kind", "metadata");

    private final SopsMetadata metadata;
    private final ValueCipher cipher;
    private final Consumer<String> secrets;
    private final MessageDigest mac;

    TreeDecryption(SopsMetadata metadata, byte[] dataKey, Consumer<String> secrets) {
        this.metadata = metadata;
        this.cipher = new ValueCipher(dataKey);
        this.secrets = secrets;
        this.mac = sha("SHA-512");
        if (metadata.macOnlyEncrypted()) {
            mac.update(sha("SHA-256").digest("sops".getBytes(StandardCharsets.US_ASCII)));
        }
    }

    /** Decrypts the documents in place; returns the MAC of their plain values, upper-case hex as sops writes it. */
    String decrypt(List<YamlTree.Mapping> documents) throws DecryptionException {
        for (YamlTree.Mapping doc : documents) {
            branch(doc, List.of());
        }
        return HexFormat.of().formatHex(mac.digest()).toUpperCase(Locale.ROOT);
    }

    private void branch(YamlTree.Mapping mapping, List<String> path) throws DecryptionException {
        List<YamlTree.Entry> entries = mapping.entries();
        for (int i = 0; i < entries.size(); i++) {
            YamlTree.Entry e = entries.get(i);
            if (e.key() instanceof YamlTree.Comment c) {
                entries.set(i, new YamlTree.Entry(comment(c, path), e.value()));
                continue;
            }
            List<String> inner = new ArrayList<>(path);
            inner.add((String) e.key());
            entries.set(i, new YamlTree.Entry(e.key(), value(e.value(), inner)));
        }
    }

    private Object value(Object v, List<String> path) throws DecryptionException {
        if (v == null) {
            return null;
        }
        if (v instanceof YamlTree.Mapping m) {
            branch(m, path);
            return m;
        }
        if (v instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<Object> items = (List<Object>) list;
            for (int i = 0; i < items.size(); i++) {
                items.set(i, value(items.get(i), path));
            }
            return items;
        }
        if (v instanceof YamlTree.Comment c) {
            return comment(c, path);
        }
        return leaf(v, path);
    }

    private Object leaf(Object in, List<String> path) throws DecryptionException {
        boolean encrypted = metadata.rules().encrypts(path);
        Object out = in;
        if (encrypted) {
            if (!(in instanceof String s)) {
                throw new DecryptionException("the value at " + String.join(".", path)
                        + " should be encrypted but is a plain " + in.getClass().getSimpleName().toLowerCase(Locale.ROOT));
            }
            try {
                out = cipher.decrypt(s, additionalData(path));
            } catch (DecryptionException e) {
                throw new DecryptionException(e.getMessage() + " at " + String.join(".", path));
            }
            remember(out, path);
        }
        if ((!metadata.macOnlyEncrypted() || encrypted) && !(out instanceof YamlTree.Comment)) {
            mac.update(bytes(out));
        }
        return out;
    }

    /** A comment that does not decrypt was written before sops encrypted comments: kept as it is, as sops does. */
    private YamlTree.Comment comment(YamlTree.Comment c, List<String> path) {
        if (!metadata.rules().encrypts(path) || c.value().isEmpty()) {
            return c;
        }
        try {
            Object plain = cipher.decrypt(c.value(), additionalData(path));
            String text = plain instanceof YamlTree.Comment pc ? pc.value() : String.valueOf(plain);
            return new YamlTree.Comment(text, c.inline());
        } catch (DecryptionException e) {
            return c;
        }
    }

    /** Values under apiVersion, kind and metadata name an object (a fully encrypted Secret has them too): not masked. */
    private void remember(Object plain, List<String> path) {
        if (IDENTITY_FIELDS.contains(path.get(0))) {
            return;
        }
        if (plain instanceof String s) {
            secrets.accept(s);
        } else if (plain instanceof byte[] b) {
            secrets.accept(new String(b, StandardCharsets.UTF_8));
        }
    }

    private static String additionalData(List<String> path) {
        return String.join(":", path) + ":";
    }

    /** The bytes sops hashes for a plain value. */
    static byte[] bytes(Object v) {
        if (v instanceof byte[] b) {
            return b;
        }
        return text(v).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Object v) {
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double d) {
            return formatFloat(d);
        }
        return String.valueOf(v);
    }

    /** Go's strconv.FormatFloat(v, 'f', -1, 64): the shortest round-trip digits, never an exponent. */
    static String formatFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        String plain = new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        return plain;
    }

    private static MessageDigest sha(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
