package io.jenkins.plugins.gitopssync.engine.cluster;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Describes why a kubeconfig could not be read, by position and field only. The parsers' own
 * messages quote the offending lines, and a kubeconfig's lines hold tokens and private keys, so
 * neither their messages nor the exceptions themselves may travel on (logs, --verbose traces,
 * Jenkins build records).
 */
final class KubeconfigErrors {

    private KubeconfigErrors() {
    }

    static String describe(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYamlEngineException yaml) {
                String where = yaml.getProblemMark().map(m -> " at " + position(m)).orElse("");
                // the construct that was left open (an unclosed "[" or "{") often starts lines earlier
                String context = yaml.getContext() == null ? "" : yaml.getContextMark()
                        .map(m -> " (" + withoutQuotes(yaml.getContext()) + " started at " + position(m) + ")").orElse("");
                return "not valid YAML" + where + context + ": " + withoutQuotes(yaml.getProblem());
            }
            if (t instanceof JsonMappingException mapping) {
                return "unexpected value at " + fieldPath(mapping);
            }
        }
        // fabric8's own messages name files and contexts, never values; still, keep only the first line
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return withoutQuotes(message.lines().findFirst().orElse(message));
    }

    private static String position(org.snakeyaml.engine.v2.exceptions.Mark m) {
        return "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1);
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "the top level" : path.toString();
    }

    /** Scanner problems may quote a few characters of the input ("found character 'x'"). */
    private static String withoutQuotes(String problem) {
        return problem == null ? "" : problem.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"");
    }
}
