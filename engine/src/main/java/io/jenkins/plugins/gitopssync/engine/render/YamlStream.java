package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses a multi-document YAML stream into plain Java values (maps, lists, strings, numbers,
 * booleans), keeping the line where each document starts. Scalars are typed the way Kubernetes
 * tools read them, minus YAML 1.1's surprises: only true/false are booleans ("on", "yes", "no"
 * stay strings), dates stay strings, octal {@code 0644} is a number (file modes), and integers of
 * any size are kept exactly (Integer, Long or BigInteger).
 */
final class YamlStream {

    /** One document: its value (null when empty), its first line (1-based) and, for a List, each item's line. */
    record Document(Object value, int line, List<Integer> itemLines) {
    }

    /** Read-only once built, so one for every file and thread (building it compiles its patterns' tables). */
    private static final Resolver RESOLVER = new KubernetesResolver();

    private YamlStream() {
    }

    static List<Document> parse(String file, String content) {
        ParseLimits limits = ParseLimits.DEFAULT;
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        // aliases are bounded by what they expand to (ExpansionCheck), not by how many there are
        options.setMaxAliasesForCollections(Integer.MAX_VALUE);
        // the reader enforces the document limit, with the place
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setNestingDepthLimit(limits.depth());
        NodeConstructor constructor = new NodeConstructor(options);
        // what the Yaml facade would copy from the options (it is not used: its reader is quadratic)
        constructor.setAllowDuplicateKeys(options.isAllowDuplicateKeys());
        constructor.setWrappedToRootException(options.isWrappedToRootException());
        Composer composer = new Composer(new ParserImpl(new LinearYamlReader(content, limits), options),
                RESOLVER, options);
        List<Document> documents = new ArrayList<>();
        try {
            while (composer.checkNode()) {
                Node node = composer.getNode();
                ExpansionCheck.check(node, limits);
                Object value = constructor.construct(node);
                documents.add(new Document(value, node.getStartMark().getLine() + 1, itemLines(node)));
            }
        } catch (LimitExceededException e) {
            throw new SyncException(e.describe(file));
        } catch (MarkedYAMLException e) {
            // not chained: SnakeYAML's own message quotes the offending line, which may hold a Secret value
            throw new SyncException(describe(file, e));
        } catch (YAMLException e) {
            throw new SyncException(file + ": " + firstLine(e.getMessage()));
        }
        return documents;
    }

    /** "file:line:col: problem (context)", without SnakeYAML's multi-line snippet. */
    private static String describe(String file, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String where = mark == null ? file : file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
        String problem = e.getProblem() == null ? firstLine(e.getMessage()) : e.getProblem();
        String context = e.getContext();
        return where + ": " + problem + (context == null ? "" : " (" + context.trim() + ")");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid YAML";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** Lines of the elements of a top-level "items" sequence (for kind: List). */
    private static List<Integer> itemLines(Node node) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("items")
                        && tuple.getValueNode() instanceof SequenceNode items) {
                    List<Integer> lines = new ArrayList<>();
                    for (Node item : items.getValue()) {
                        lines.add(item.getStartMark().getLine() + 1);
                    }
                    return lines;
                }
            }
        }
        return List.of();
    }

    /** Exposes SnakeYAML's safe construction of a single composed node. */
    private static final class NodeConstructor extends SafeConstructor {
        NodeConstructor(LoaderOptions options) {
            super(options);
        }

        Object construct(Node node) {
            return constructDocument(node);
        }
    }

    /**
     * Implicit typing close to YAML 1.2's core schema (what kustomize's kyaml uses), plus the
     * leading-zero octal integers that Kubernetes manifests rely on for file modes.
     */
    private static final class KubernetesResolver extends Resolver {
        private static final Pattern BOOL_12 = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
        private static final Pattern INT_12 = Pattern.compile(
                "^(?:[-+]?(?:0|[1-9][0-9]*)|[-+]?0[0-7]+|0x[0-9a-fA-F]+)$");
        private static final Pattern FLOAT_12 = Pattern.compile(
                "^(?:[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*|[0-9]+(?:\\.[0-9]*)?[eE][-+]?[0-9]+|\\.[0-9]+[eE][-+]?[0-9]+)"
                        + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
        private static final Pattern NULL_12 = Pattern.compile("^(?:~|null|Null|NULL| )$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL_12, "tTfF");
            addImplicitResolver(Tag.INT, INT_12, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT_12, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL_12, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
