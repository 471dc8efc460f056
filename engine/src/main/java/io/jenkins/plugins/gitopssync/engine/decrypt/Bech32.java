package io.jenkins.plugins.gitopssync.engine.decrypt;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** Bech32 (BIP 173), the encoding of age identities and recipients: no length limit, one case per string. */
final class Bech32 {

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    /** The human-readable part and the bytes of a Bech32 string. */
    record Decoded(String hrp, byte[] data) {
    }

    private Bech32() {
    }

    static Decoded decode(String text) {
        if (!text.equals(text.toLowerCase(Locale.ROOT)) && !text.equals(text.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("mixed case");
        }
        String s = text.toLowerCase(Locale.ROOT);
        int sep = s.lastIndexOf('1');
        if (sep < 1 || sep + 7 > s.length()) {
            throw new IllegalArgumentException("no separator or too short");
        }
        String hrp = s.substring(0, sep);
        int[] values = new int[s.length() - sep - 1];
        for (int i = 0; i < values.length; i++) {
            values[i] = CHARSET.indexOf(s.charAt(sep + 1 + i));
            if (values[i] < 0) {
                throw new IllegalArgumentException("invalid character");
            }
        }
        if (polymod(expand(hrp), values) != 1) {
            throw new IllegalArgumentException("bad checksum");
        }
        int[] payload = java.util.Arrays.copyOf(values, values.length - 6);
        return new Decoded(hrp, regroup(payload));
    }

    static String encode(String hrp, byte[] data) {
        int[] values = toFiveBits(data);
        int[] withChecksum = java.util.Arrays.copyOf(values, values.length + 6);
        int mod = polymod(expand(hrp), withChecksum) ^ 1;
        for (int i = 0; i < 6; i++) {
            withChecksum[values.length + i] = (mod >>> (5 * (5 - i))) & 31;
        }
        StringBuilder out = new StringBuilder(hrp).append('1');
        for (int v : withChecksum) {
            out.append(CHARSET.charAt(v));
        }
        return out.toString();
    }

    private static int[] expand(String hrp) {
        int[] out = new int[hrp.length() * 2 + 1];
        for (int i = 0; i < hrp.length(); i++) {
            out[i] = hrp.charAt(i) >>> 5;
            out[hrp.length() + 1 + i] = hrp.charAt(i) & 31;
        }
        return out;
    }

    private static int polymod(int[] first, int[] second) {
        int chk = 1;
        for (int[] part : new int[][] {first, second}) {
            for (int v : part) {
                int top = chk >>> 25;
                chk = ((chk & 0x1ffffff) << 5) ^ v;
                for (int i = 0; i < 5; i++) {
                    if (((top >>> i) & 1) != 0) {
                        chk ^= GENERATOR[i];
                    }
                }
            }
        }
        return chk;
    }

    private static byte[] regroup(int[] fiveBits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int acc = 0;
        int bits = 0;
        for (int v : fiveBits) {
            acc = (acc << 5) | v;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out.write((acc >>> bits) & 0xff);
            }
        }
        if (bits >= 5 || ((acc << (8 - bits)) & 0xff) != 0) {
            throw new IllegalArgumentException("invalid padding");
        }
        return out.toByteArray();
    }

    private static int[] toFiveBits(byte[] data) {
        int[] out = new int[(data.length * 8 + 4) / 5];
        int acc = 0;
        int bits = 0;
        int n = 0;
        for (byte b : data) {
            acc = (acc << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out[n++] = (acc >>> bits) & 31;
            }
        }
        if (bits > 0) {
            out[n++] = (acc << (5 - bits)) & 31;
        }
        return out;
    }
}
