package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How much the parser accepts, so that no input can make a render hang or exhaust memory. Each limit is
 * well above what the API server stores (1.5 MiB per object) and far below a build machine's memory.
 *
 * @param fileBytes     one manifest file, or the output of one Kustomize build
 * @param documentChars one YAML document or top-level JSON value, as written and after alias expansion
 * @param valueChars    one scalar value (in YAML also one line of a block scalar or comment)
 * @param depth         nesting of mappings and lists, after alias expansion
 */
public record ParseLimits(long fileBytes, int documentChars, int valueChars, int depth) {

    private static final int MIB = 1024 * 1024;

    public static final ParseLimits DEFAULT = new ParseLimits(64L * MIB, 8 * MIB, 4 * MIB, 200);

    /** "4 MiB", "1.5 MiB", "800 KiB": sizes in messages. */
    public static String size(long bytes) {
        if (bytes >= MIB) {
            double mib = bytes / (double) MIB;
            return (mib == Math.rint(mib) ? String.valueOf((long) mib) : String.format(Locale.ROOT, "%.1f", mib)) + " MiB";
        }
        return Math.max(1, bytes / 1024) + " KiB";
    }

    /**
     * Refuses a file larger than {@code limit} before anything of it is read.
     *
     * @param rel    how the message names the file
     * @param ending the end of the message: which limit it is
     */
    static void refuseLarger(Path file, String rel, long limit, String ending) throws IOException {
        long size = Files.size(file);
        if (size > limit) {
            throw new SyncException(rel + ": " + size(size) + " is larger than the limit of " + size(limit) + " " + ending);
        }
    }
}
