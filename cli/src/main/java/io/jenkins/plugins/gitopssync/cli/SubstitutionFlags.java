package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.substitute.SubstituteFrom;
import io.jenkins.plugins.gitopssync.engine.substitute.Substitution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/** Flux's post-build substitution from the command line: --substitute, --substitute-from, --[no-]strict-substitution. */
final class SubstitutionFlags {

    @Option(names = "--substitute", paramLabel = "KEY=VALUE",
            description = "A variable for ${KEY} expressions in the rendered objects (Flux's postBuild.substitute); "
                    + "repeatable; wins over --substitute-from.")
    List<String> values = new ArrayList<>();

    @Option(names = "--substitute-from", paramLabel = "configmap/NAME|secret/NAME",
            description = "Variables from the data of a ConfigMap or Secret in the ApplySet's namespace (Flux's "
                    + "substituteFrom); later ones override earlier ones; a trailing ? makes it optional. Values from "
                    + "Secrets are masked. Repeatable.")
    List<String> from = new ArrayList<>();

    @Option(names = "--strict-substitution", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "An undefined variable without a default fails the render, naming object and variable. "
                    + "Default: on; --no-strict-substitution makes it empty.")
    boolean strict = Substitution.DEFAULT_STRICT;

    Substitution substitution() {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String v : values) {
            int eq = v.indexOf('=');
            if (eq < 1) {
                throw new SyncException("--substitute " + v + ": use KEY=VALUE");
            }
            vars.put(v.substring(0, eq), v.substring(eq + 1));
        }
        String bad = Substitution.invalidName(vars.keySet());
        if (bad != null) {
            throw new SyncException("--substitute " + bad + "=…: a variable name has letters, digits and _ and does not"
                    + " start with a digit");
        }
        List<SubstituteFrom> sources = new ArrayList<>();
        for (String f : from) {
            try {
                sources.add(SubstituteFrom.parse(f));
            } catch (IllegalArgumentException e) {
                throw new SyncException("--substitute-from " + e.getMessage());
            }
        }
        return new Substitution(vars, Set.of(), sources, strict);
    }
}
