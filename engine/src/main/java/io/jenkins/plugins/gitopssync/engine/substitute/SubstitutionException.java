package io.jenkins.plugins.gitopssync.engine.substitute;

/** An expression that cannot be evaluated: bad syntax, or (strict) a variable that is not defined. */
class SubstitutionException extends Exception {

    SubstitutionException(String message) {
        super(message);
    }
}
