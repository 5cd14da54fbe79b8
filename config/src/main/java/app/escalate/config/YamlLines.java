package app.escalate.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;

/**
 * Finds the line a key path such as {@code severities.SEV1.ack} or {@code case_types[2]} starts on.
 * Jackson reports where it noticed a fault, which for records is the end of the enclosing mapping;
 * people need the line of the key itself.
 */
final class YamlLines {
    /** One step of a key path: a mapping key, or a sequence index when {@code key} is null. */
    record Step(String key, int index) {
    }

    private YamlLines() {
    }

    static Optional<Integer> lineOf(String yaml, List<Step> path) {
        try {
            Node node = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
            int line = node == null ? -1 : node.getStartMark().getLine();
            for (Step step : path) {
                if (node instanceof MappingNode mapping && step.key() != null) {
                    NodeTuple found = mapping.getValue().stream()
                            .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(step.key()))
                            .findFirst().orElse(null);
                    if (found == null) break;
                    line = found.getKeyNode().getStartMark().getLine();
                    node = found.getValueNode();
                } else if (node instanceof SequenceNode sequence && step.key() == null && step.index() < sequence.getValue().size()) {
                    node = sequence.getValue().get(step.index());
                    line = node.getStartMark().getLine();
                } else {
                    break;
                }
            }
            return line < 0 ? Optional.empty() : Optional.of(line + 1);
        } catch (RuntimeException e) {
            return Optional.empty(); // unparseable: Jackson's own location will do
        }
    }
}
