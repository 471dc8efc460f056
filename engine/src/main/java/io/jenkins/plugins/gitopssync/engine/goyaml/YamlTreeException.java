package io.jenkins.plugins.gitopssync.engine.goyaml;

/** YAML that cannot be read as a tree; the message names a line at most, never the text (it may be a secret). */
public final class YamlTreeException extends Exception {

    public YamlTreeException(String message) {
        super(message);
    }
}
