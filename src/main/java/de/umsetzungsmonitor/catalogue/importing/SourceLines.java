package de.umsetzungsmonitor.catalogue.importing;

import java.io.StringReader;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the line of a field in an import file, so that an error can name it. Works for YAML and
 * for JSON (which YAML reads too); the file has already been read successfully when it is asked.
 */
final class SourceLines {

  private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

  private final Node root;

  private SourceLines(Node root) {
    this.root = root;
  }

  static SourceLines of(String content) {
    try {
      return new SourceLines(new Yaml(new LoaderOptions()).compose(new StringReader(content)));
    } catch (RuntimeException e) {
      return new SourceLines(null);
    }
  }

  /** The 1-based line of the deepest node the path reaches, or {@code null}. */
  Integer lineOf(String path) {
    Node node = root;
    if (node == null) {
      return null;
    }
    Matcher matcher = SEGMENT.matcher(path == null ? "" : path);
    while (matcher.find()) {
      Node next = matcher.group(1) != null ? property(node, matcher.group(1)) : element(node, Integer.parseInt(matcher.group(2)));
      if (next == null) {
        break;
      }
      node = next;
    }
    return node.getStartMark().getLine() + 1;
  }

  private static Node property(Node node, String name) {
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(name)) {
          return tuple.getValueNode();
        }
      }
    }
    return null;
  }

  private static Node element(Node node, int index) {
    if (node instanceof SequenceNode sequence) {
      List<Node> elements = sequence.getValue();
      return index < elements.size() ? elements.get(index) : null;
    }
    return null;
  }
}
