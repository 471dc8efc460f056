package io.jenkins.plugins.gitopssync.engine.identity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Kubernetes naming rule and how a refusal reads.
 *
 * @param whenMissing the message for a blank name
 * @param what        what the name names, in "invalid WHAT 'x'"
 * @param allowed     the characters and their order, in words
 */
record NameRule(String whenMissing, String what, Pattern pattern, String allowed, int maxLength) {

    Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(whenMissing);
        }
        if (name.length() > maxLength || !pattern.matcher(name).matches()) {
            return Optional.of("invalid " + what + " '" + name + "': use " + allowed + ", starting and ending with a"
                    + " letter or digit, at most " + maxLength + " characters");
        }
        return Optional.empty();
    }
}
