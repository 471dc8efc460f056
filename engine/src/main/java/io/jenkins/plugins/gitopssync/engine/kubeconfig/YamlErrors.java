package io.jenkins.plugins.gitopssync.engine.kubeconfig;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/** A YAML error of a document that holds secrets, by position only: the parser's messages quote the lines. */
final class YamlErrors {

    private YamlErrors() {
    }

    static String describe(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYamlEngineException yaml) {
                String where = yaml.getProblemMark().map(m -> " at " + position(m)).orElse("");
                String context = yaml.getContext() == null ? "" : yaml.getContextMark()
                        .map(m -> " (" + withoutQuotes(yaml.getContext()) + " started at " + position(m) + ")").orElse("");
                return "error" + where + context + ": " + withoutQuotes(yaml.getProblem());
            }
        }
        return e.getClass().getSimpleName();
    }

    private static String position(Mark m) {
        return "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1);
    }

    /** Scanner problems may quote a few characters of the input ("found character 'x'"). */
    static String withoutQuotes(String problem) {
        return problem == null ? "" : problem.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"");
    }
}
