package io.jenkins.plugins.gitopssync.engine.goyaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.comments.CommentType;
import org.yaml.snakeyaml.composer.Composer;
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
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML into sops' tree: documents of mappings, comments kept in place (sops encrypts them too),
 * plain scalars typed as go-yaml v3 types them, quoted ones as strings, aliases expanded.
 * Errors name the line only, never the text: the file may be a secret.
 */
public final class YamlTreeReader {

    private final Map<Node, Object> built = new IdentityHashMap<>();

    private YamlTreeReader() {
    }

    public static List<YamlTree.Mapping> read(String text) throws YamlTreeException {
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(true);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(Integer.MAX_VALUE);
        Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options),
                new PlainResolver(), options);
        List<YamlTree.Mapping> documents = new ArrayList<>();
        YamlTreeReader reader = new YamlTreeReader();
        try {
            while (composer.checkNode()) {
                Node node = composer.getNode();
                documents.add(reader.document(node));
            }
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark();
            throw new YamlTreeException("not valid YAML" + (m == null ? "" : " at line " + (m.getLine() + 1)));
        } catch (YAMLException | ClassCastException e) {
            throw new YamlTreeException("not valid YAML");
        }
        return documents;
    }

    private YamlTree.Mapping document(Node node) throws YamlTreeException {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            return new YamlTree.Mapping();
        }
        if (!(node instanceof MappingNode mapping)) {
            throw new YamlTreeException("a YAML document that is not a mapping (sops encrypts mappings only)");
        }
        YamlTree.Mapping m = new YamlTree.Mapping();
        addComments(m.entries(), mapping.getBlockComments(), false);
        fill(m, mapping);
        addComments(m.entries(), mapping.getEndComments(), false);
        return m;
    }

    private void fill(YamlTree.Mapping m, MappingNode node) throws YamlTreeException {
        for (NodeTuple t : node.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode keyNode) || !(scalar(keyNode) instanceof String key)) {
                throw new YamlTreeException("a mapping key that is not a string at line "
                        + (t.getKeyNode().getStartMark().getLine() + 1));
            }
            Node value = t.getValueNode();
            addComments(m.entries(), keyNode.getBlockComments(), false);
            addComments(m.entries(), keyNode.getInLineComments(), true);
            addComments(m.entries(), value.getInLineComments(), true);
            m.put(key, value(value));
            addComments(m.entries(), value.getEndComments(), false);
        }
    }

    private Object value(Node node) throws YamlTreeException {
        if (built.containsKey(node)) {
            return copy(built.get(node));
        }
        Object v;
        if (node instanceof ScalarNode s) {
            v = scalar(s);
        } else if (node instanceof MappingNode mn) {
            YamlTree.Mapping m = new YamlTree.Mapping();
            fill(m, mn);
            v = m;
        } else {
            List<Object> items = new ArrayList<>();
            for (Node item : ((SequenceNode) node).getValue()) {
                addItemComments(items, item.getBlockComments(), false);
                addItemComments(items, item.getInLineComments(), true);
                items.add(value(item));
                addItemComments(items, item.getEndComments(), false);
            }
            v = items;
        }
        built.put(node, v);
        return v;
    }

    /** An alias repeats its anchor's value; a copy, so decrypting one place does not touch another. */
    private static Object copy(Object v) {
        if (v instanceof YamlTree.Mapping m) {
            YamlTree.Mapping c = new YamlTree.Mapping();
            m.entries().forEach(e -> c.entries().add(new YamlTree.Entry(e.key(), copy(e.value()))));
            return c;
        }
        if (v instanceof List<?> l) {
            List<Object> c = new ArrayList<>();
            l.forEach(i -> c.add(copy(i)));
            return c;
        }
        return v;
    }

    private static Object scalar(ScalarNode s) {
        return s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN ? GoYamlScalars.resolvePlain(s.getValue()) : s.getValue();
    }

    /** No implicit typing here: go-yaml's rules are applied to plain scalars by {@link GoYamlScalars}. */
    private static final class PlainResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
        }
    }

    private static void addComments(List<YamlTree.Entry> into, List<CommentLine> comments, boolean inline) {
        if (comments != null) {
            for (CommentLine c : comments) {
                if (c.getCommentType() != CommentType.BLANK_LINE) {
                    into.add(new YamlTree.Entry(new YamlTree.Comment(c.getValue(), inline), null));
                }
            }
        }
    }

    private static void addItemComments(List<Object> into, List<CommentLine> comments, boolean inline) {
        if (comments != null) {
            for (CommentLine c : comments) {
                if (c.getCommentType() != CommentType.BLANK_LINE) {
                    into.add(new YamlTree.Comment(c.getValue(), inline));
                }
            }
        }
    }
}
