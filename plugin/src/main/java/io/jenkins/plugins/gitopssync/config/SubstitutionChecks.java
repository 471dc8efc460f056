package io.jenkins.plugins.gitopssync.config;

import io.jenkins.plugins.gitopssync.engine.substitute.SubstituteFrom;
import io.jenkins.plugins.gitopssync.engine.substitute.Substitution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The substitution fields' text (one entry a line) read into the engine's terms, and their problems as
 * messages for the form checks and the step. The rules themselves (names, sources) are the engine's.
 */
@Restricted(NoExternalUse.class)
public final class SubstitutionChecks {

    private SubstitutionChecks() {
    }

    /** KEY=VALUE lines (blank lines and # comments skipped); a line without '=' is an error. */
    public static Map<String, String> pairs(String text, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines(text)) {
            int eq = line.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException(field + ": '" + shortened(line) + "' is not NAME=VALUE");
            }
            out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        String bad = Substitution.invalidName(out.keySet());
        if (bad != null) {
            throw new IllegalArgumentException(field + ": '" + bad + "' is not a variable name (letters, digits and _,"
                    + " not starting with a digit)");
        }
        return out;
    }

    public static List<SubstituteFrom> sources(String text) {
        List<SubstituteFrom> out = new ArrayList<>();
        for (String line : lines(text)) {
            out.add(SubstituteFrom.parse(line));
        }
        return out;
    }

    /** Credential ids separated by commas, whitespace or line breaks. */
    public static List<String> ids(String text) {
        return ListFields.items(text, "[,\\s]+");
    }

    public static String substitute(String text) {
        return problem(() -> pairs(text, "substitute"));
    }

    public static String substituteCredentials(String text) {
        return problem(() -> pairs(text, "substituteCredentials"));
    }

    public static String substituteFrom(String text) {
        return problem(() -> sources(text));
    }

    private static String problem(Runnable check) {
        try {
            check.run();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** A value may be a secret: messages show no more than its first characters. */
    private static String shortened(String line) {
        return line.length() <= 12 ? line : line.substring(0, 12) + "…";
    }
}
