package io.jenkins.plugins.gitopssync.engine.decrypt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * Decrypts an age v1 file (age-encryption.org/v1), armored or binary, with X25519 identities: the
 * header's X25519 stanzas wrap the file key, the header MAC is checked, and the payload is read as
 * ChaCha20-Poly1305 STREAM chunks of 64 KiB. Other stanza types (scrypt, ssh, plugins) are skipped.
 */
final class AgeFile {

    private static final String VERSION_LINE = "age-encryption.org/v1";
    private static final String ARMOR_BEGIN = "-----BEGIN AGE ENCRYPTED FILE-----";
    private static final String ARMOR_END = "-----END AGE ENCRYPTED FILE-----";
    private static final byte[] X25519_INFO = "age-encryption.org/v1/X25519".getBytes(StandardCharsets.US_ASCII);
    private static final int CHUNK = 64 * 1024;
    private static final int TAG = 16;

    /** One recipient stanza: its type, arguments and body. */
    private record Stanza(String type, List<String> args, byte[] body) {
    }

    private AgeFile() {
    }

    /** The plaintext, or null when none of {@code identities} is a recipient of the file. */
    static byte[] decrypt(byte[] file, List<AgeIdentity> identities) throws DecryptionException {
        byte[] data = dearmor(file);
        int headerEnd = Bytes.indexOf(data, "\n---".getBytes(StandardCharsets.US_ASCII), 0);
        if (!startsWith(data, VERSION_LINE + "\n") || headerEnd < 0) {
            throw new DecryptionException("not an age v1 file");
        }
        int macLineEnd = Bytes.indexOf(data, new byte[] {'\n'}, headerEnd + 4);
        if (macLineEnd < 0 || data[headerEnd + 4] != ' ') {
            throw new DecryptionException("age header without its MAC line");
        }
        List<Stanza> stanzas = stanzas(new String(data, 0, headerEnd + 1, StandardCharsets.US_ASCII));
        byte[] fileKey = unwrap(stanzas, identities);
        if (fileKey == null) {
            return null;
        }
        byte[] mac = rawBase64(new String(data, headerEnd + 5, macLineEnd - headerEnd - 5, StandardCharsets.US_ASCII));
        HMac hmac = new HMac(new SHA256Digest());
        hmac.init(new KeyParameter(hkdf(fileKey, null, "header".getBytes(StandardCharsets.US_ASCII))));
        hmac.update(data, 0, headerEnd + 4);
        byte[] expected = new byte[32];
        hmac.doFinal(expected, 0);
        if (!MessageDigest.isEqual(expected, mac)) {
            throw new DecryptionException("the age header's MAC does not match (the file was changed)");
        }
        return payload(data, macLineEnd + 1, fileKey);
    }

    private static byte[] unwrap(List<Stanza> stanzas, List<AgeIdentity> identities) throws DecryptionException {
        for (Stanza s : stanzas) {
            if (!s.type().equals("X25519")) {
                continue;
            }
            if (s.args().size() != 1 || s.body().length != 32) {
                throw new DecryptionException("a malformed X25519 stanza in the age header");
            }
            byte[] share = rawBase64(s.args().get(0));
            if (share.length != 32) {
                throw new DecryptionException("a malformed X25519 stanza in the age header");
            }
            for (AgeIdentity id : identities) {
                byte[] fileKey = unwrap(id, share, s.body());
                if (fileKey != null) {
                    return fileKey;
                }
            }
        }
        return null;
    }

    private static byte[] unwrap(AgeIdentity id, byte[] share, byte[] body) throws DecryptionException {
        byte[] shared = new byte[32];
        try {
            id.key().generateSecret(new X25519PublicKeyParameters(share, 0), shared, 0);
        } catch (IllegalStateException e) {
            throw new DecryptionException("an X25519 share of low order in the age header");
        }
        byte[] salt = concat(share, id.key().generatePublicKey().getEncoded());
        byte[] wrapKey = hkdf(shared, salt, X25519_INFO);
        try {
            byte[] fileKey = aead(wrapKey, new byte[12], body);
            return fileKey.length == 16 ? fileKey : null;
        } catch (InvalidCipherTextException e) {
            return null; // the stanza is for another recipient
        }
    }

    private static byte[] payload(byte[] data, int start, byte[] fileKey) throws DecryptionException {
        if (data.length - start < 16) {
            throw new DecryptionException("age payload without its nonce");
        }
        byte[] key = hkdf(fileKey, Arrays.copyOfRange(data, start, start + 16), "payload".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = start + 16;
        long counter = 0;
        while (true) {
            int len = Math.min(CHUNK + TAG, data.length - pos);
            boolean last = pos + len == data.length;
            if (len < TAG || (!last && counter == Long.MAX_VALUE)) {
                throw new DecryptionException("age payload cut short");
            }
            byte[] nonce = new byte[12];
            for (int i = 0; i < 8; i++) {
                nonce[10 - i] = (byte) (counter >>> (8 * i));
            }
            nonce[11] = (byte) (last ? 1 : 0);
            try {
                out.writeBytes(aead(key, nonce, Arrays.copyOfRange(data, pos, pos + len)));
            } catch (InvalidCipherTextException e) {
                throw new DecryptionException("age payload does not authenticate (the file was changed)");
            }
            pos += len;
            counter++;
            if (last) {
                return out.toByteArray();
            }
        }
    }

    private static List<Stanza> stanzas(String header) throws DecryptionException {
        List<String> lines = new ArrayList<>(Arrays.asList(header.split("\n", -1)));
        lines.remove(0); // the version line
        List<Stanza> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size() && lines.get(i).startsWith("-> ")) {
            String[] words = lines.get(i).substring(3).split(" ");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            i++;
            while (true) {
                if (i >= lines.size()) {
                    throw new DecryptionException("age header stanza without its body");
                }
                String line = lines.get(i++);
                body.writeBytes(rawBase64(line));
                if (line.length() < 64) {
                    break;
                }
            }
            out.add(new Stanza(words[0], List.of(words).subList(1, words.length), body.toByteArray()));
        }
        return out;
    }

    private static byte[] dearmor(byte[] file) throws DecryptionException {
        String text = new String(file, StandardCharsets.ISO_8859_1).strip();
        if (!text.startsWith(ARMOR_BEGIN)) {
            return file;
        }
        if (!text.endsWith(ARMOR_END)) {
            throw new DecryptionException("armored age file without its end line");
        }
        String body = text.substring(ARMOR_BEGIN.length(), text.length() - ARMOR_END.length()).replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new DecryptionException("armored age file that is not Base64");
        }
    }

    private static byte[] rawBase64(String s) throws DecryptionException {
        if (s.endsWith("=")) {
            throw new DecryptionException("padded Base64 in the age header");
        }
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new DecryptionException("invalid Base64 in the age header");
        }
    }

    static byte[] hkdf(byte[] ikm, byte[] salt, byte[] info) {
        HKDFBytesGenerator gen = new HKDFBytesGenerator(new SHA256Digest());
        gen.init(new HKDFParameters(ikm, salt, info));
        byte[] out = new byte[32];
        gen.generateBytes(out, 0, out.length);
        return out;
    }

    private static byte[] aead(byte[] key, byte[] nonce, byte[] sealed) throws InvalidCipherTextException {
        ChaCha20Poly1305 cipher = new ChaCha20Poly1305();
        cipher.init(false, new AEADParameters(new KeyParameter(key), 128, nonce));
        byte[] out = new byte[cipher.getOutputSize(sealed.length)];
        int n = cipher.processBytes(sealed, 0, sealed.length, out, 0);
        n += cipher.doFinal(out, n);
        return Arrays.copyOf(out, n);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static boolean startsWith(byte[] data, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        return data.length >= p.length && Arrays.equals(data, 0, p.length, p, 0, p.length);
    }

}
