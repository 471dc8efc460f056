package io.jenkins.plugins.gitopssync.engine.verify;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys whose signatures are accepted, kept as text (so the set crosses a Jenkins agent channel and
 * says nothing secret): armored OpenPGP public keys, one per entry, and OpenSSH allowed-signers lines.
 * {@link #parse} tells the two apart by content and refuses private keys.
 */
public record TrustedKeys(List<String> openPgpKeys, List<String> allowedSigners) implements Serializable {

    /** A trusted-keys file is a few keys; more than this is not one. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    private static final Pattern PGP_BLOCK = Pattern.compile(
            "-----BEGIN PGP PUBLIC KEY BLOCK-----.*?-----END PGP PUBLIC KEY BLOCK-----", Pattern.DOTALL);
    private static final Pattern SSH_KEY_TYPE = Pattern.compile(
            "(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\\.com"
                    + "|sk-ecdsa-sha2-nistp256@openssh\\.com)(-cert-v01@openssh\\.com)?");

    public TrustedKeys {
        openPgpKeys = List.copyOf(openPgpKeys);
        allowedSigners = List.copyOf(allowedSigners);
    }

    public static TrustedKeys none() {
        return new TrustedKeys(List.of(), List.of());
    }

    public boolean isEmpty() {
        return openPgpKeys.isEmpty() && allowedSigners.isEmpty();
    }

    public TrustedKeys plus(TrustedKeys other) {
        List<String> pgp = new ArrayList<>(openPgpKeys);
        pgp.addAll(other.openPgpKeys);
        List<String> ssh = new ArrayList<>(allowedSigners);
        ssh.addAll(other.allowedSigners);
        return new TrustedKeys(pgp, ssh);
    }

    /** Reads one file: armored OpenPGP public keys, or an allowed-signers file. */
    public static TrustedKeys read(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new SyncException("trusted keys " + file + ": larger than 1 MiB; that is not a key file");
            }
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SyncException("cannot read trusted keys " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses text from a file, a credential or a form field; {@code origin} names it in errors, which
     * never quote the content.
     */
    public static TrustedKeys parse(String origin, String content) {
        String text = content == null ? "" : content.replace("\r\n", "\n");
        if (text.contains("PRIVATE KEY")) {
            throw new SyncException("trusted keys " + origin + " hold a private key: give public keys only"
                    + " (gpg --armor --export KEYID, or an allowed-signers line with the .pub key)");
        }
        if (text.contains("-----BEGIN PGP PUBLIC KEY BLOCK-----")) {
            List<String> blocks = new ArrayList<>();
            Matcher m = PGP_BLOCK.matcher(text);
            while (m.find()) {
                String block = m.group() + "\n";
                OpenPgpCertificates.parse(origin, block); // fails early, naming the origin
                blocks.add(block);
            }
            if (blocks.isEmpty()) {
                throw new SyncException("trusted keys " + origin + ": an OpenPGP key block without its END line");
            }
            return new TrustedKeys(blocks, List.of());
        }
        List<String> lines = new ArrayList<>();
        String[] all = text.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            String line = all[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            checkAllowedSignersLine(origin + ":" + (i + 1), line);
            lines.add(line);
        }
        if (lines.isEmpty()) {
            throw new SyncException("trusted keys " + origin + " hold no key: expected armored OpenPGP public keys"
                    + " (gpg --armor --export KEYID) or an SSH allowed-signers file (lines 'PRINCIPAL KEY-TYPE KEY')");
        }
        return new TrustedKeys(List.of(), lines);
    }

    /** {@code principals [options] keytype base64 [comment]}; options never contain a key type by themselves. */
    private static void checkAllowedSignersLine(String where, String line) {
        String[] fields = line.split("\\s+");
        if (SSH_KEY_TYPE.matcher(fields[0]).matches()) {
            throw new SyncException("trusted keys " + where + ": an SSH public key without a principal; an"
                    + " allowed-signers line starts with who the key belongs to: 'alice@example.org " + fields[0]
                    + " AAAA...'");
        }
        for (int i = 1; i + 1 < fields.length; i++) {
            if (SSH_KEY_TYPE.matcher(fields[i]).matches() && fields[i + 1].matches("[A-Za-z0-9+/]+={0,2}")) {
                return;
            }
        }
        throw new SyncException("trusted keys " + where + ": neither part of an armored OpenPGP public key nor an"
                + " allowed-signers line ('PRINCIPAL [OPTIONS] KEY-TYPE BASE64-KEY')");
    }
}
