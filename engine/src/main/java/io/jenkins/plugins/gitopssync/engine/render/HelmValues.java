package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.source.PathGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The values part of Helm's command line, in Helm's order of precedence (later wins): the values files in
 * the order given, the inline values (written to a file, so they count as the last file), the parameters
 * ({@code --set}), then the secret parameters ({@code --set-file} of files holding each value, so a secret is
 * never an argument Helm echoes or a process list shows). Values files must be files of the repository.
 */
final class HelmValues {

    private static final String FROM_REPOSITORY_ONLY = "values come only from the repository at the synced revision";

    private HelmValues() {
    }

    /**
     * @param realRoot the repository root, symbolic links resolved
     * @param chart    how messages name the chart
     */
    static List<String> arguments(HelmOptions options, Path realRoot, HelmWorkspace workspace, String chart) {
        List<String> args = new ArrayList<>();
        for (String file : options.valuesFiles()) {
            args.add("--values");
            args.add(valuesFile(realRoot, file, chart).toString());
        }
        if (options.values() != null) {
            args.add("--values");
            args.add(workspace.write("inline-values.yaml", options.values()).toString());
        }
        for (String p : options.parameters()) {
            args.add("--set");
            args.add(p);
        }
        for (String p : options.secretParameters()) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new SyncException(chart + ": a secret parameter must be key=value; the one given has no key");
            }
            args.add("--set-file");
            args.add(p.substring(0, eq) + "=" + workspace.write("secret-value", p.substring(eq + 1)));
        }
        return args;
    }

    /** The real file a values file names: inside the repository (through symbolic links too), and there. */
    static Path valuesFile(Path realRoot, String rel, String chart) {
        String what = chart + ": values file '" + rel + "'";
        String normal = rel.replace('\\', '/');
        if (normal.startsWith("/") || Path.of(rel).isAbsolute() || normal.matches("^[A-Za-z]:.*")) {
            throw new SyncException(what + " must be relative to the repository root, not absolute");
        }
        Path lexical = realRoot.resolve(normal).normalize();
        if (!lexical.startsWith(realRoot)) {
            throw new SyncException(what + " leads outside the repository; " + FROM_REPOSITORY_ONLY);
        }
        if (!Files.exists(lexical)) {
            throw new SyncException(what + " does not exist in the repository");
        }
        Path real = PathGuard.realInside(realRoot, lexical, what, FROM_REPOSITORY_ONLY);
        if (!Files.isRegularFile(real)) {
            throw new SyncException(what + " is not a file");
        }
        return real;
    }
}
