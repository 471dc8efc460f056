package io.jenkins.plugins.gitopssync.engine.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * YAML documents parsed by an earlier run, found by the SHA-256 of a file's text and kept in one file
 * between runs. Parsing YAML is most of a no-op sync's CPU at 10,000 objects; a file whose text did not
 * change reads its documents back from JSON instead, which is several times cheaper. Only what JSON holds
 * exactly is kept: string keys; strings, integers, finite numbers, booleans, null, lists and maps; no node
 * shared through an alias. Anything else, and every file that fails to parse, is parsed each time. The
 * file keeps only the entries of the last render, so it does not grow with the repository's history.
 *
 * <p>Format: a first line naming the format, then one line per file's text: its hash, a space, and a JSON
 * array of {@code [line, [item lines], value]} per document. An unreadable or foreign file is ignored.
 */
public final class ParseCache {

    /** Changes whenever {@link YamlStream}'s typing does, so an older engine's entries are not read. */
    static final String FORMAT = "gitops-sync parsed YAML v1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ParseCache NONE = new ParseCache(null, new byte[0], Map.of());

    private final Path file;
    private final byte[] data;
    /** hash → {offset, length} of its JSON in {@link #data} */
    private final Map<String, int[]> stored;
    /** hash → the entries this run used, for {@link #save()}: an {@code int[]} into {@link #data}, or new JSON bytes */
    private final Map<String, Object> used = new ConcurrentHashMap<>();
    private volatile boolean changed;

    private ParseCache(Path file, byte[] data, Map<String, int[]> stored) {
        this.file = file;
        this.data = data;
        this.stored = stored;
    }

    /** No cache: every file is parsed. */
    public static ParseCache none() {
        return NONE;
    }

    /** The cache kept in {@code file}; empty when it does not exist yet or cannot be read. */
    public static ParseCache open(Path file) {
        byte[] data;
        try {
            data = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        } catch (IOException e) {
            data = new byte[0]; // unreadable: parse everything, write it anew
        }
        return new ParseCache(file, data, index(data));
    }

    private static Map<String, int[]> index(byte[] data) {
        byte[] header = (FORMAT + "\n").getBytes(StandardCharsets.US_ASCII);
        if (data.length < header.length || !Arrays.equals(data, 0, header.length, header, 0, header.length)) {
            return Map.of();
        }
        Map<String, int[]> index = new HashMap<>();
        int pos = header.length;
        while (pos < data.length) {
            int end = pos;
            while (end < data.length && data[end] != '\n') {
                end++;
            }
            int json = pos + 65;
            if (end == data.length || json > end || data[pos + 64] != ' ') {
                return Map.of(); // cut short or damaged: trust none of it
            }
            index.put(new String(data, pos, 64, StandardCharsets.US_ASCII), new int[] {json, end - json});
            pos = end + 1;
        }
        return index;
    }

    /** The documents of {@code content}: as parsed before, or parsed now by {@code parse} and kept. */
    List<YamlStream.Document> documents(String content, Supplier<List<YamlStream.Document>> parse) {
        if (file == null) {
            return parse.get();
        }
        byte[] text = content.getBytes(StandardCharsets.UTF_8);
        String key = sha256(text);
        int[] at = stored.get(key);
        if (at != null) {
            try {
                List<YamlStream.Document> documents = read(data, at[0], at[1]);
                used.put(key, at);
                return documents;
            } catch (IOException | RuntimeException e) {
                // a damaged entry: parse the text again and replace it
            }
        }
        List<YamlStream.Document> documents = parse.get();
        byte[] json = exact(documents) ? write(documents) : null;
        if (json != null) {
            used.put(key, json);
            changed = true;
        }
        return documents;
    }

    /** Writes the entries this run used (only when they differ from the file's), atomically. */
    public void save() throws IOException {
        if (file == null || (!changed && used.keySet().equals(stored.keySet()))) {
            return;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                out.write((FORMAT + "\n").getBytes(StandardCharsets.US_ASCII));
                for (Map.Entry<String, Object> e : new TreeMap<>(used).entrySet()) {
                    out.write(e.getKey().getBytes(StandardCharsets.US_ASCII));
                    out.write(' ');
                    if (e.getValue() instanceof int[] at) {
                        out.write(data, at[0], at[1]);
                    } else {
                        out.write((byte[]) e.getValue());
                    }
                    out.write('\n');
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String sha256(byte[] text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- which values JSON holds exactly --------------------------------------------------------------

    private static boolean exact(List<YamlStream.Document> documents) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (YamlStream.Document d : documents) {
            if (!exact(d.value(), seen)) {
                return false;
            }
        }
        return true;
    }

    /** Whether writing {@code v} as JSON and reading it back gives an equal value of the same classes. */
    private static boolean exact(Object v, Set<Object> seen) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer) {
            return true;
        }
        if (v instanceof Long l) { // read back as an Integer when it fits one
            return l != (int) (long) l;
        }
        if (v instanceof BigInteger b) { // read back as a Long when it fits one
            return b.bitLength() > 63;
        }
        if (v instanceof Double d) {
            return Double.isFinite(d);
        }
        if (v instanceof Map<?, ?> m) {
            if (!(m instanceof LinkedHashMap) || !seen.add(m)) {
                return false; // another map type, or shared through an alias
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String) || !exact(e.getValue(), seen)) {
                    return false;
                }
            }
            return true;
        }
        if (v instanceof List<?> list) {
            if (!(list instanceof ArrayList) || !seen.add(list)) {
                return false;
            }
            for (Object item : list) {
                if (!exact(item, seen)) {
                    return false;
                }
            }
            return true;
        }
        return false; // e.g. byte[] from !!binary, a Set from !!set
    }

    // --- the JSON form ------------------------------------------------------------------------------

    private static byte[] write(List<YamlStream.Document> documents) {
        List<Object> out = new ArrayList<>(documents.size());
        for (YamlStream.Document d : documents) {
            out.add(Arrays.asList(d.line(), d.itemLines(), d.value()));
        }
        try {
            return JSON.writeValueAsBytes(out);
        } catch (IOException e) {
            return null; // not kept; the parse result stands
        }
    }

    /** Jackson reads untyped JSON into the same classes SnakeYAML gives (see {@link #exact}). */
    private static List<YamlStream.Document> read(byte[] data, int offset, int length) throws IOException {
        List<?> entries = JSON.readValue(data, offset, length, List.class);
        List<YamlStream.Document> documents = new ArrayList<>(entries.size());
        for (Object entry : entries) {
            List<?> e = (List<?>) entry;
            List<Integer> itemLines = new ArrayList<>();
            for (Object line : (List<?>) e.get(1)) {
                itemLines.add((Integer) line);
            }
            documents.add(new YamlStream.Document(e.get(2), (Integer) e.get(0),
                    itemLines.isEmpty() ? List.of() : itemLines));
        }
        return documents;
    }
}
