package dev.clod.gateway.config;

import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML text into plain maps, lists and strings. Only the standard YAML types can be built (no
 * class names from the file), duplicate keys are errors, and every plain scalar except {@code null}
 * and {@code ~} stays the exact text written: prices must reach {@code BigDecimal} without passing
 * through {@code double}, and names like {@code no} or {@code 1.10} must not turn into a boolean or
 * lose a digit.
 */
final class YamlTree {

    private YamlTree() {}

    /** The document's root node, or null for an empty document. */
    static Object parse(String text, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        DumperOptions dumperOptions = new DumperOptions();
        Yaml yaml = new Yaml(
                new SafeConstructor(options),
                new Representer(dumperOptions),
                dumperOptions,
                options,
                new TextScalarResolver());
        try {
            return yaml.load(text);
        } catch (YAMLException e) {
            throw new ConfigException(
                    source, List.of("not valid YAML: " + e.getMessage().strip()), e);
        }
    }

    /** Resolves plain scalars to strings, except the spellings of null. */
    private static final class TextScalarResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
            addImplicitResolver(Tag.NULL, EMPTY, null, 10);
        }
    }
}
