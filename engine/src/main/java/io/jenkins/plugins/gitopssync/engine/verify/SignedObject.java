package io.jenkins.plugins.gitopssync.engine.verify;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTag;

/**
 * A commit or tag split into what was signed and the signature (null when unsigned). A commit carries
 * its signature in a {@code gpgsig} header whose continuation lines start with a space; the signed
 * content is the object without that header. A tag's signature is the end of its message.
 *
 * @param object    {@code commit <id>} or {@code tag <name>}, for messages
 * @param payload   the bytes the signature covers
 * @param signature the armored signature, or null
 */
record SignedObject(String object, byte[] payload, byte[] signature) {

    private static final byte[] SIGNATURE_HEADER = "gpgsig ".getBytes(StandardCharsets.US_ASCII);

    boolean signed() {
        return signature != null;
    }

    static SignedObject of(RevCommit commit) {
        String object = "commit " + commit.name();
        byte[] raw = commit.getRawBuffer();
        byte[] signature = commit.getRawGpgSignature();
        if (signature == null) {
            return new SignedObject(object, raw, null);
        }
        return new SignedObject(object, withoutSignatureHeader(raw), signature);
    }

    static SignedObject of(RevTag tag) {
        String object = "tag " + tag.getTagName();
        byte[] raw = tag.getRawBuffer();
        byte[] signature = tag.getRawGpgSignature();
        if (signature == null) {
            return new SignedObject(object, raw, null);
        }
        return new SignedObject(object, Arrays.copyOf(raw, raw.length - signature.length), signature);
    }

    /** The header lines up to the first empty line, minus {@code gpgsig} and its continuation lines. */
    private static byte[] withoutSignatureHeader(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        int pos = 0;
        boolean inSignature = false;
        while (pos < raw.length) {
            int end = pos;
            while (end < raw.length && raw[end] != '\n') {
                end++;
            }
            int next = Math.min(end + 1, raw.length);
            if (end == pos) {
                // the empty line ends the headers: the message follows unchanged
                out.write(raw, pos, raw.length - pos);
                break;
            }
            if (startsWith(raw, pos, SIGNATURE_HEADER)) {
                inSignature = true;
            } else if (inSignature && raw[pos] == ' ') {
                // continuation of the signature header
            } else {
                inSignature = false;
                out.write(raw, pos, next - pos);
            }
            pos = next;
        }
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] raw, int at, byte[] prefix) {
        if (raw.length - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (raw[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
