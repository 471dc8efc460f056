package io.jenkins.plugins.gitopssync.engine.decrypt;

/** Searching bytes (sops markers in a file, the end of an age header). */
final class Bytes {

    private Bytes() {
    }

    /** The first index of {@code needle} in {@code data} at or after {@code from}, or -1. */
    static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
