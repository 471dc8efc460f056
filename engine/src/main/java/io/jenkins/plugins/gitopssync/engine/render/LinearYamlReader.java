package io.jenkins.plugins.gitopssync.engine.render;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * The characters SnakeYAML's scanner reads, from a String, in linear time and within the size limits.
 *
 * <p>Why not SnakeYAML's own StreamReader: it reads 1 KB at a time and copies its whole look-ahead window
 * on every read, so scanning one token of n characters costs n²/2 KB of copying: a 30 MB value takes
 * hours. This window grows geometrically instead, and refuses a look-ahead longer than one value may be
 * (the scanner looks ahead within one token, or one line of a block scalar or comment), and a document
 * longer than a document may be. Every public method keeps the contract of the one it overrides.
 */
final class LinearYamlReader extends StreamReader {

    private static final int CHUNK = 8192;

    private final String text;
    private final ParseLimits limits;
    private int textPos;
    private int[] window = new int[CHUNK];
    private int pointer;
    private int end;
    private boolean eof;
    private int index;
    private int documentIndex;
    private int line;
    private int column;

    LinearYamlReader(String text, ParseLimits limits) {
        super("");
        this.text = text;
        this.limits = limits;
    }

    @Override
    public Mark getMark() {
        return new Mark("'reader'", index, line, column, window, pointer);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int length) {
        for (int i = 0; i < length && ensure(0); i++) {
            int c = window[pointer++];
            moved(1);
            if (Constant.LINEBR.has(c) || (c == '\r' && ensure(0) && window[pointer] != '\n')) {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return ensure(0) ? window[pointer] : '\0';
    }

    @Override
    public int peek(int offset) {
        return ensure(offset) ? window[pointer + offset] : '\0';
    }

    @Override
    public String prefix(int length) {
        if (length == 0) {
            return "";
        }
        int available = ensure(length) ? length : Math.min(length, end - pointer);
        return new String(window, pointer, available);
    }

    @Override
    public String prefixForward(int length) {
        String prefix = prefix(length);
        pointer += length;
        moved(length);
        column += length; // a prefix never holds a line break
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return index;
    }

    @Override
    public int getLine() {
        return line;
    }

    private void moved(int length) {
        index += length;
        documentIndex += length;
        if (documentIndex > limits.documentChars()) {
            throw new LimitExceededException(line + 1, column + 1, "this YAML document is larger than "
                    + ParseLimits.size(limits.documentChars()) + ", the limit for one document");
        }
    }

    /** True when the code point at pointer + offset is available, reading more as needed. */
    private boolean ensure(int offset) {
        while (pointer + offset >= end && !eof) {
            if (offset >= limits.valueChars()) {
                throw new LimitExceededException(line + 1, column + 1, "a value or line longer than "
                        + ParseLimits.size(limits.valueChars()) + " starts here; that is the limit for one value");
            }
            fill();
        }
        return pointer + offset < end;
    }

    /** Appends the next chunk; when the window is full, moves what is still ahead into one twice as large. */
    private void fill() {
        if (textPos >= text.length()) {
            eof = true;
            return;
        }
        int ahead = end - pointer;
        if (end + CHUNK > window.length) {
            // the new window has room for at least as much again as it carries over, so each code point
            // is copied a bounded number of times on average: linear in the input
            int[] next = new int[Math.max(window.length, 2 * (ahead + CHUNK))];
            System.arraycopy(window, pointer, next, 0, ahead);
            window = next;
            pointer = 0;
            end = ahead;
        }
        int stop = Math.min(text.length(), textPos + CHUNK);
        while (textPos < stop) {
            int codePoint = text.codePointAt(textPos);
            if (!isPrintable(codePoint)) {
                throw new ReaderException("'reader'", index + (end - pointer), codePoint,
                        "special characters are not allowed");
            }
            window[end++] = codePoint;
            textPos += Character.charCount(codePoint);
        }
    }
}
