package io.jenkins.plugins.gitopssync.engine.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A stream that keeps what it has passed on since the last {@link #release} point, by absolute offset, so a
 * streaming parser reading ahead can still copy out the bytes of the item it has just finished. A LIST of
 * many objects is read through it chunk by chunk: only the current item (and the parser's read-ahead) is
 * held, never the whole response.
 */
final class ByteWindow extends InputStream {

    private final InputStream in;
    private byte[] kept = new byte[32 * 1024];
    private int length;
    private long base; // the absolute offset of kept[0]

    ByteWindow(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            if (length + n > kept.length) {
                kept = Arrays.copyOf(kept, Math.max(kept.length * 2, length + n));
            }
            System.arraycopy(b, off, kept, length, n);
            length += n;
        }
        return n;
    }

    /** Forgets the bytes before absolute offset {@code from}: nothing before it will be asked for again. */
    void release(long from) {
        int drop = (int) Math.min(Math.max(0, from - base), length);
        System.arraycopy(kept, drop, kept, 0, length - drop);
        length -= drop;
        base += drop;
    }

    /** A copy of the bytes from absolute offset {@code from} (not released) to {@code to} (already read). */
    byte[] slice(long from, long to) {
        if (from < base || to > base + length || from > to) {
            throw new IllegalStateException("bytes " + from + ".." + to + " are not kept (" + base + ".." + (base + length) + ")");
        }
        return Arrays.copyOfRange(kept, (int) (from - base), (int) (to - base));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
