package dev.clod.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The API's OpenAPI description: written by hand in YAML (comments, anchors, readable diffs), served as
 * JSON, the form every OpenAPI tool reads.
 */
final class OpenApiDocument {

    /** The document on the classpath. */
    static final String RESOURCE = "/dev/clod/server/openapi.yaml";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiDocument() {}

    /** The document as compact JSON. */
    static byte[] json() {
        return toJson(read(RESOURCE), RESOURCE);
    }

    /**
     * Converts YAML to JSON. Only the scalars JSON has are recognised: {@code true}, {@code false},
     * {@code null}, decimal numbers; everything else stays text, so a date in an example or a value
     * such as {@code no} or {@code 4h} reaches the JSON exactly as written.
     */
    static byte[] toJson(String yaml, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        DumperOptions dumper = new DumperOptions();
        Yaml parser = new Yaml(
                new DecimalConstructor(options), new Representer(dumper), dumper, options, new JsonScalarResolver());
        try {
            return JSON.writeValueAsBytes(parser.load(yaml));
        } catch (JsonProcessingException | RuntimeException unreadable) {
            throw new IllegalStateException(
                    source + " is not a readable YAML document: " + unreadable.getMessage(), unreadable);
        }
    }

    private static String read(String resource) {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps decimals as written ({@code 0.00002083}, not {@code 2.083E-5}). */
    private static final class DecimalConstructor extends SafeConstructor {

        DecimalConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(Tag.FLOAT, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return new BigDecimal(((ScalarNode) node).getValue());
                }
            });
        }
    }

    /** JSON's scalar types, and YAML's merge key {@code <<} so schemas can share properties. */
    private static final class JsonScalarResolver extends Resolver {

        private static final int NUMBER_LENGTH = 64;
        private static final Pattern JSON_BOOLEAN = Pattern.compile("^(?:true|false)$");
        private static final Pattern JSON_INTEGER = Pattern.compile("^-?(?:0|[1-9][0-9]*)$");
        private static final Pattern JSON_DECIMAL =
                Pattern.compile("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$");

        @Override
        protected void addImplicitResolvers() {
            // The last argument is the longest scalar each is tried on.
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 4);
            addImplicitResolver(Tag.NULL, EMPTY, null, 0);
            addImplicitResolver(Tag.BOOL, JSON_BOOLEAN, "tf", 5);
            addImplicitResolver(Tag.INT, JSON_INTEGER, "-0123456789", NUMBER_LENGTH);
            addImplicitResolver(Tag.FLOAT, JSON_DECIMAL, "-0123456789", NUMBER_LENGTH);
            addImplicitResolver(Tag.MERGE, MERGE, "<", 2);
        }
    }
}
