package io.jenkins.plugins.gitopssync.engine.render;

import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Measures a composed YAML document as it will be once its aliases are expanded (every later step, from
 * conversion to hashing and JSON, expands them), before anything expands it. An alias is the node of its
 * anchor, shared: each node is measured once, so the check costs one visit per node of the text, whatever
 * the expansion. Refuses a document whose expansion is larger than a document may be, nested deeper than
 * the depth limit, with a value longer than a value may be, or that contains itself (an anchor used
 * inside itself). The size is counted as JSON would spell it, the form the API server receives.
 */
final class ExpansionCheck {

    /** Size and height (levels below and including it) of a measured node. */
    private record Measure(long size, int height) {
    }

    /** Marks a node being measured: meeting it again means it contains itself. */
    private static final Measure IN_PROGRESS = new Measure(-1, -1);

    private final ParseLimits limits;
    private final Map<Node, Measure> measured = new IdentityHashMap<>();

    private ExpansionCheck(ParseLimits limits) {
        this.limits = limits;
    }

    /** Throws {@link LimitExceededException} at the node that breaks a limit. */
    static void check(Node document, ParseLimits limits) {
        new ExpansionCheck(limits).measure(document, 1);
    }

    private Measure measure(Node node, int depth) {
        Measure known = measured.get(node);
        if (known == IN_PROGRESS) {
            throw at(node, "recursive alias (an anchor used inside itself)");
        }
        if (known != null) {
            checkDepth(node, depth + known.height() - 1);
            return known;
        }
        if (node instanceof ScalarNode scalar) {
            int length = scalar.getValue().length();
            if (length > limits.valueChars()) {
                throw at(node, "a value of " + ParseLimits.size(length) + " is longer than "
                        + ParseLimits.size(limits.valueChars()) + ", the limit for one value");
            }
            Measure m = new Measure(length + 3L, 1); // quotes and separator
            measured.put(node, m);
            return m;
        }
        checkDepth(node, depth);
        measured.put(node, IN_PROGRESS);
        long size = 2; // brackets or braces
        int height = 0;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                Measure k = measure(tuple.getKeyNode(), depth + 1);
                Measure v = measure(tuple.getValueNode(), depth + 1);
                size = add(size, add(k.size(), v.size()));
                height = Math.max(height, Math.max(k.height(), v.height()));
                checkSize(node, size);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                Measure i = measure(item, depth + 1);
                size = add(size, i.size());
                height = Math.max(height, i.height());
                checkSize(node, size);
            }
        }
        Measure m = new Measure(size, height + 1);
        measured.put(node, m);
        return m;
    }

    private void checkDepth(Node node, int depth) {
        if (depth > limits.depth()) {
            throw at(node, "nested deeper than " + limits.depth() + " levels once its aliases are expanded");
        }
    }

    private void checkSize(Node node, long size) {
        if (size > limits.documentChars()) {
            throw at(node, "expands to more than " + ParseLimits.size(limits.documentChars())
                    + " through aliases (each alias repeats its anchor's content); that is the limit for one document");
        }
    }

    private static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static LimitExceededException at(Node node, String problem) {
        Mark mark = node.getStartMark();
        return new LimitExceededException(mark.getLine() + 1, mark.getColumn() + 1, problem);
    }
}
