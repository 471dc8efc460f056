package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.source.PathGuard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Before kustomize runs: every path a Kustomization names, in it and in every base and component it
 * reaches, must lead (symbolic links resolved) to a file or directory inside the repository.
 *
 * <p>Why kustomize's own load restrictor is not enough: it keeps each file inside the root of the
 * kustomization that names it, but a directory in {@code resources}, {@code components} or
 * {@code generators} becomes a root of its own, wherever it is: enough {@code ../} reaches any directory
 * of the machine, or another commit's checkout beside this one. A name that is not a local path would be
 * fetched as a remote repository. So this walks the routes kustomize follows: directories (checked here,
 * then walked) and the files of patches, generators and configurations (checked here too, so the error
 * names the entry whatever kustomize's wording). The files that generator and transformer configurations
 * name in turn stay under kustomize's restrictor, which is set explicitly. The values files and chart home of
 * {@code helmCharts} are paths too; whether any kustomization inflates charts is reported, so kustomize runs
 * with Helm enabled only then.
 */
final class KustomizationGuard {

    /** Fields whose entries are paths (or, where kustomize allows, inline YAML). */
    private static final List<String> PATH_LISTS = List.of("resources", "bases", "components", "crds",
            "configurations", "generators", "transformers", "validators", "patchesStrategicMerge");
    /** Fields holding a list of mappings, each with a "path". */
    private static final List<String> PATH_OBJECTS = List.of("patches", "patchesJson6902", "replacements");
    private static final List<String> GENERATORS = List.of("configMapGenerator", "secretGenerator");
    private static final String READS_ONLY_THE_REPOSITORY = "a render reads only the repository at the synced revision";

    private final Path root;
    private boolean usesHelm;
    private final Set<Path> visited = new HashSet<>();
    /** Files the kustomizations name (resources, patches, generator sources...), symlinks resolved. */
    private final Set<Path> files = new HashSet<>();
    private final Deque<Path> pending = new ArrayDeque<>();

    private KustomizationGuard(Path realRoot) {
        this.root = realRoot;
    }

    /**
     * @param realRoot the repository root, symlinks resolved
     * @param dir      the kustomization directory to build (inside the repository)
     * @return what the walk reached: the kustomization directories and the files they name, and whether one of
     *         them inflates Helm charts ({@code helmCharts})
     */
    static Reached check(Path realRoot, Path dir) {
        KustomizationGuard guard = new KustomizationGuard(realRoot);
        guard.pending.add(dir);
        while (!guard.pending.isEmpty()) {
            guard.visit(guard.pending.poll());
        }
        return new Reached(Set.copyOf(guard.visited), Set.copyOf(guard.files), guard.usesHelm);
    }

    /** The kustomization directories and the files they name, symbolic links resolved, and whether charts are inflated. */
    record Reached(Set<Path> directories, Set<Path> files, boolean usesHelm) {
    }

    private void visit(Path dir) {
        if (!visited.add(dir)) {
            return;
        }
        Path file = KustomizeRenderer.kustomizationFile(dir);
        if (file == null) {
            return; // kustomize reports a directory without a kustomization
        }
        String rel = relative(file);
        Path real = PathGuard.realInside(root, file, rel + ":", READS_ONLY_THE_REPOSITORY);
        Map<?, ?> kustomization = read(rel, real);
        usesHelm |= kustomization.containsKey("helmCharts");
        for (Route route : routes(rel, kustomization)) {
            Path target = resolve(dir, route, rel);
            if (Files.isDirectory(target)) {
                pending.add(target);
            } else {
                files.add(target);
            }
        }
    }

    /** One path named by a kustomization: the field it is in and its text. */
    private record Route(String field, String entry) {
    }

    private static Map<?, ?> read(String rel, Path file) {
        String text;
        try {
            ParseLimits.refuseLarger(file, rel, ParseLimits.DEFAULT.documentChars(), "for one document");
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SyncException(rel + ": cannot be read: " + e.getMessage(), e);
        }
        List<YamlStream.Document> docs = YamlStream.parse(rel, text);
        return docs.isEmpty() || !(docs.get(0).value() instanceof Map<?, ?> map) ? Map.of() : map;
    }

    private static List<Route> routes(String rel, Map<?, ?> k) {
        List<Route> out = new ArrayList<>();
        for (String field : PATH_LISTS) {
            for (Object entry : list(k.get(field))) {
                if (entry instanceof String s && !isInline(s)) {
                    out.add(new Route(field, s));
                }
            }
        }
        for (String field : PATH_OBJECTS) {
            for (Object entry : list(k.get(field))) {
                if (entry instanceof Map<?, ?> m && m.get("path") instanceof String path) {
                    out.add(new Route(field, path));
                }
            }
        }
        for (String field : GENERATORS) {
            for (Object generator : list(k.get(field))) {
                if (!(generator instanceof Map<?, ?> g)) {
                    continue;
                }
                for (Object f : list(g.get("files"))) {
                    if (f instanceof String s) {
                        // "key=path" names the key in the generated object
                        out.add(new Route(field, s.contains("=") ? s.substring(s.indexOf('=') + 1) : s));
                    }
                }
                for (Object f : list(g.get("envs"))) {
                    if (f instanceof String s) {
                        out.add(new Route(field, s));
                    }
                }
                if (g.get("env") instanceof String s) {
                    out.add(new Route(field, s));
                }
            }
        }
        if (k.get("openapi") instanceof Map<?, ?> openapi && openapi.get("path") instanceof String path) {
            out.add(new Route("openapi", path));
        }
        helmRoutes(rel, k, out);
        return out;
    }

    /**
     * The values files of each inflated chart; the chart home, which kustomize may create and fill, must be a
     * plain relative path below the kustomization.
     */
    private static void helmRoutes(String rel, Map<?, ?> k, List<Route> out) {
        for (Object chart : list(k.get("helmCharts"))) {
            if (chart instanceof Map<?, ?> c) {
                if (c.get("valuesFile") instanceof String v) {
                    out.add(new Route("helmCharts", v));
                }
                for (Object v : list(c.get("additionalValuesFiles"))) {
                    if (v instanceof String s) {
                        out.add(new Route("helmCharts", s));
                    }
                }
            }
        }
        if (k.get("helmGlobals") instanceof Map<?, ?> g && g.get("chartHome") instanceof String home
                && (home.startsWith("/") || home.matches("^[A-Za-z]:.*") || List.of(home.split("[/\\\\]")).contains(".."))) {
            throw new SyncException(rel + ": helmGlobals chartHome '" + home + "' must stay below the kustomization; "
                    + READS_ONLY_THE_REPOSITORY);
        }
    }

    /** Kustomize takes an entry with a line break, or a flow mapping, as inline YAML rather than a path. */
    private static boolean isInline(String entry) {
        return entry.contains("\n") || entry.trim().startsWith("{");
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private Path resolve(Path dir, Route route, String rel) {
        String what = rel + ": " + route.field() + " entry '" + route.entry() + "'";
        if (isRemote(route.entry())) {
            throw new SyncException(what + " names a remote location; remote bases are not allowed: a render reads"
                    + " only the repository at the synced revision (vendor it into the repository)");
        }
        Path lexical = dir.resolve(route.entry()).normalize();
        if (!Files.exists(lexical)) {
            if (!lexical.startsWith(root)) {
                throw new SyncException(what + " leads outside the repository; " + READS_ONLY_THE_REPOSITORY);
            }
            // kustomize would try such a name as a remote repository
            throw new SyncException(what + " is not a file or directory of the repository at the synced revision"
                    + " (remote bases are not allowed)");
        }
        return PathGuard.realInside(root, lexical, what, READS_ONLY_THE_REPOSITORY);
    }

    /** URLs and the scp-like "git@host:path" form kustomize also fetches. */
    private static boolean isRemote(String entry) {
        return entry.contains("://") || entry.matches("^[A-Za-z0-9._-]+@[^/]+:.*");
    }

    private String relative(Path p) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        return rel.isEmpty() ? "." : rel;
    }
}
