package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.decrypt.SopsFormat;
import io.jenkins.plugins.gitopssync.engine.process.Tools;
import io.jenkins.plugins.gitopssync.engine.source.SourceIgnore;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Renders plain manifests: walks a directory in sorted (deterministic) order for .yaml, .yml and
 * .json files, skipping hidden files and directories (.git...) and whatever {@code .sourceignore}
 * files exclude. A sub-directory holding a kustomization file is built with Kustomize, as Flux does.
 * Symbolic links are followed only while they stay inside the repository. The walk is sequential;
 * parsing the files it found runs in parallel (it is most of a large render), and its results,
 * warnings and errors come out in walk order, so a render is the same whatever the scheduling.
 */
public final class DirectoryRenderer {

    private final Path root;
    private final Tools tools;
    private final SopsFiles sops;
    private final SyncLog log;
    private final ParseCache cache;
    private final Set<Path> visited = new HashSet<>();
    /** In walk order: a file still to parse, or a Kustomize build already done. */
    private final List<Part> parts = new ArrayList<>();

    private sealed interface Part permits FilePart, RenderedPart {
    }

    private record FilePart(Path file) implements Part {
    }

    private record RenderedPart(List<Manifest> manifests) implements Part {
    }

    /** One file's outcome, with what it logged kept back (as calls on the real log) until its turn comes. */
    private record Parsed(List<Manifest> manifests, List<java.util.function.Consumer<SyncLog>> logged,
                          RuntimeException error) {
    }

    private DirectoryRenderer(Path realRoot, RenderOptions options, SyncLog log, ParseCache cache) {
        this.root = realRoot;
        this.tools = options.tools();
        this.sops = SopsFiles.of(options);
        this.log = log;
        this.cache = cache;
    }

    /**
     * @param realRoot the repository root, symlinks resolved
     * @param start    a directory or file inside it, symlinks resolved
     * @param tools    the kubectl that builds Kustomizations found below {@code start}
     * @param cache    YAML parsed by earlier runs, by the text of the file
     */
    public static List<Manifest> render(Path realRoot, Path start, Tools tools, SyncLog log, ParseCache cache) {
        return render(realRoot, start, new RenderOptions(tools), log, cache);
    }

    /** As above, with sops files decrypted (never kept in {@code cache}) by {@code options}. */
    public static List<Manifest> render(Path realRoot, Path start, RenderOptions options, SyncLog log, ParseCache cache) {
        DirectoryRenderer renderer = new DirectoryRenderer(realRoot, options, log, cache);
        if (Files.isRegularFile(start)) {
            renderer.parts.add(new FilePart(start));
        } else {
            renderer.walk(start, renderer.ignoresAbove(start));
        }
        return renderer.parseAll();
    }

    private List<Manifest> parseAll() {
        List<Parsed> parsed = parts.parallelStream()
                .map(part -> part instanceof FilePart f ? parse(f.file())
                        : new Parsed(((RenderedPart) part).manifests(), List.of(), null))
                .toList();
        List<Manifest> manifests = new ArrayList<>();
        for (Parsed p : parsed) {
            p.logged().forEach(call -> call.accept(log));
            if (p.error() != null) {
                throw p.error();
            }
            manifests.addAll(p.manifests());
        }
        return manifests;
    }

    private Parsed parse(Path file) {
        List<java.util.function.Consumer<SyncLog>> logged = new ArrayList<>();
        SyncLog buffered = new SyncLog() {
            @Override
            public void info(String message) {
                logged.add(l -> l.info(message));
            }

            @Override
            public void warn(String message) {
                logged.add(l -> l.warn(message));
            }

            @Override
            public void debug(String message) {
                logged.add(l -> l.debug(message));
            }
        };
        try {
            return new Parsed(renderFile(file, buffered), logged, null);
        } catch (RuntimeException e) {
            return new Parsed(List.of(), logged, e);
        }
    }

    /** The .sourceignore files from the repository root down to (excluding) the start directory. */
    private SourceIgnore ignoresAbove(Path start) {
        SourceIgnore ignore = SourceIgnore.empty();
        Path dir = root;
        for (Path part : root.relativize(start)) {
            ignore = readIgnoreFile(dir, ignore);
            dir = dir.resolve(part);
        }
        return ignore;
    }

    private SourceIgnore readIgnoreFile(Path dir, SourceIgnore inherited) {
        Path file = dir.resolve(SourceIgnore.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return inherited;
        }
        try {
            return inherited.with(relative(dir), Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SyncException(relative(file) + ": cannot read: " + e.getMessage(), e);
        }
    }

    private void walk(Path dir, SourceIgnore inherited) {
        if (!visited.add(dir)) {
            return; // a symlink loop
        }
        SourceIgnore ignore = readIgnoreFile(dir, inherited);
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new SyncException(relative(dir) + ": cannot list directory: " + e.getMessage(), e);
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            Path real = insideRoot(entry);
            String rel = relative(entry);
            if (Files.isDirectory(real)) {
                if (ignore.isIgnored(rel, true)) {
                    log.debug(rel + "/: ignored by " + SourceIgnore.FILE_NAME);
                    continue;
                }
                Path kustomization = KustomizeRenderer.kustomizationFile(real);
                if (kustomization != null) {
                    parts.add(new RenderedPart(KustomizeRenderer.render(root, real, rel + "/" + kustomization.getFileName(), tools, sops, log)));
                } else {
                    walk(real, ignore);
                }
            } else if (Files.isRegularFile(real) && isManifestFile(name)) {
                if (ignore.isIgnored(rel, false)) {
                    log.debug(rel + ": ignored by " + SourceIgnore.FILE_NAME);
                    continue;
                }
                parts.add(new FilePart(entry));
            }
        }
    }

    private List<Manifest> renderFile(Path file, SyncLog fileLog) {
        String rel = relative(file);
        String content;
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        boolean decrypted;
        try {
            ParseLimits.refuseLarger(file, rel, ParseLimits.DEFAULT.fileBytes(), "for one manifest file; nothing was read");
            byte[] bytes = Files.readAllBytes(file);
            byte[] plain = sops.decrypt(rel, bytes, json ? SopsFormat.JSON : SopsFormat.YAML);
            decrypted = plain != null;
            content = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(decrypted ? plain : bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SyncException(rel + ": not valid UTF-8 text");
        } catch (IOException e) {
            throw new SyncException(rel + ": cannot read: " + e.getMessage(), e);
        }
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        // a decrypted file's values stay in memory: never in the parse cache
        return ManifestParser.parse(rel, content, json, fileLog, decrypted ? ParseCache.none() : cache);
    }

    static boolean isManifestFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
    }

    /** The entry with symlinks resolved; an entry leading outside the repository is an error. */
    private Path insideRoot(Path entry) {
        Path real;
        try {
            real = entry.toRealPath();
        } catch (IOException e) {
            throw new SyncException(relative(entry) + ": cannot be read (broken symbolic link?): " + e.getMessage(), e);
        }
        if (!real.startsWith(root)) {
            throw new SyncException(relative(entry) + ": symbolic link leads outside the repository");
        }
        return real;
    }

    private String relative(Path p) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        return rel.isEmpty() ? "." : rel;
    }
}
