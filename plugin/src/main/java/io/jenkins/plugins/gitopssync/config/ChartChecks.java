package io.jenkins.plugins.gitopssync.config;

import io.jenkins.plugins.gitopssync.Messages;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The checks and splitting of a chart's options, for the forms and for a sync: values files (relative paths inside
 * the repository, one per line or comma-separated) and parameters ({@code key=value}, one per line). Each problem
 * is a message the user can act on; null when all is well.
 */
@Restricted(NoExternalUse.class)
public final class ChartChecks {

    private ChartChecks() {
    }

    /** The values files as a list: one per line, or separated by commas; blanks dropped. */
    public static List<String> valuesFileList(String text) {
        return ListFields.items(text, "[,\\r\\n]+");
    }

    /** The parameters as a list: one {@code key=value} per line (a value may hold commas, as in Helm's grammar). */
    public static List<String> parameterList(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    public static String valuesFiles(String text) {
        for (String file : valuesFileList(text)) {
            String problem = OptionChecks.path(file);
            if (problem != null) {
                return Messages.ChartChecks_ValuesFile(problem);
            }
        }
        return null;
    }

    public static String parameters(String text) {
        for (String p : parameterList(text)) {
            if (p.indexOf('=') <= 0) {
                return Messages.ChartChecks_Parameter(p.length() > 40 ? p.substring(0, 40) + "..." : p);
            }
        }
        return null;
    }
}
