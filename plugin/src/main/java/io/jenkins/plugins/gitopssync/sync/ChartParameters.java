package io.jenkins.plugins.gitopssync.sync;

import hudson.EnvVars;
import hudson.model.AbstractBuild;
import hudson.model.ParameterValue;
import hudson.model.ParametersAction;
import hudson.model.Run;
import io.jenkins.plugins.gitopssync.config.ChartChecks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * A chart's parameters as the sync gets them: each {@code key=value} line with the build's {@code ${VARIABLES}}
 * expanded; a value that names a sensitive variable is secret, and the engine then passes it to Helm through a
 * file and masks it in every log line, error, diff and report. Write such references in single quotes in a
 * Pipeline ({@code parameters: 'db.password=${DB_PASSWORD}'}), so the step, not Groovy, expands them.
 */
@Restricted(NoExternalUse.class)
public final class ChartParameters {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(\\w+)\\}|\\$(\\w+)");

    private ChartParameters() {
    }

    /** Plain and secret parameters of {@code text}, expanded with {@code env}. */
    public static ChartInputs split(String text, EnvVars env, Set<String> sensitive) {
        List<String> plain = new ArrayList<>();
        List<String> secret = new ArrayList<>();
        for (String line : ChartChecks.parameterList(text)) {
            (namesSensitive(line, sensitive) ? secret : plain).add(env.expand(line));
        }
        return new ChartInputs(plain, secret, null);
    }

    static boolean namesSensitive(String line, Set<String> sensitive) {
        Matcher m = REFERENCE.matcher(line);
        while (m.find()) {
            if (sensitive.contains(m.group(1) != null ? m.group(1) : m.group(2))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The build's sensitive variables: its password (and other sensitive) parameters, a freestyle build's sensitive
     * variables (build wrappers that bind credentials), and those a Pipeline step context names ({@code extra}).
     */
    public static Set<String> sensitiveVariables(Run<?, ?> run, Collection<String> extra) {
        Set<String> names = new HashSet<>(extra);
        ParametersAction parameters = run.getAction(ParametersAction.class);
        if (parameters != null) {
            for (ParameterValue v : parameters.getParameters()) {
                if (v.isSensitive()) {
                    names.add(v.getName());
                }
            }
        }
        if (run instanceof AbstractBuild<?, ?> build) {
            names.addAll(build.getSensitiveBuildVariables());
        }
        return names;
    }
}
