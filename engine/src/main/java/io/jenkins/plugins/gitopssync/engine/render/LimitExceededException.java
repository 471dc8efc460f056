package io.jenkins.plugins.gitopssync.engine.render;

import org.yaml.snakeyaml.error.YAMLException;

/**
 * A parse limit was reached at a known place. A YAMLException so that it passes through SnakeYAML's
 * scanner and parser unchanged; the renderer turns it into "file:line:column: problem".
 */
final class LimitExceededException extends YAMLException {

    private final int line;
    private final int column;

    /** @param line 1-based; @param column 1-based */
    LimitExceededException(int line, int column, String problem) {
        super(problem);
        this.line = line;
        this.column = column;
    }

    String describe(String file) {
        return file + ":" + line + ":" + column + ": " + getMessage();
    }
}
