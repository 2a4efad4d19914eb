package dev.clod.gateway.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Loads the gateway's YAML configuration into a validated {@link GatewayConfig}.
 *
 * <p>Scalars may reference the environment as {@code ${NAME}} or {@code ${NAME:-default}}; after
 * binding, {@code CLOD_HOST}, {@code CLOD_PORT} and {@code CLOD_ADMIN_KEY} override the file. The
 * environment is passed in (production passes {@code System.getenv()}) so that loading is a pure
 * function of its inputs. Every method throws {@link ConfigException} naming the path of each bad
 * node; a returned config is complete and consistent.
 */
public final class ConfigLoader {

    /** The classpath resource holding the demo configuration used when no file is given. */
    public static final String EMBEDDED_DEFAULT = "/dev/clod/gateway/config/clod-default.yaml";

    private ConfigLoader() {}

    /** Loads a configuration file. */
    public static GatewayConfig load(Path file, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of("cannot read the file: " + e), e);
        }
        return ConfigBinder.bind(
                YamlTree.parse(text, file.toString()),
                file.toString(),
                env,
                file.toAbsolutePath().getParent());
    }

    /**
     * Loads configuration text.
     *
     * @param sourceName names the text in error messages, e.g. a file name
     */
    public static GatewayConfig parse(String yaml, String sourceName, Map<String, String> env) {
        return ConfigBinder.bind(YamlTree.parse(yaml, sourceName), sourceName, env, null);
    }

    /**
     * The demo configuration: simulated providers at six sites serving hosted and free models, plus
     * proxied models that work once {@code OPENAI_API_KEY} or {@code TOGETHER_API_KEY} is set.
     */
    public static GatewayConfig embeddedDefault(Map<String, String> env) {
        String source = "classpath:" + EMBEDDED_DEFAULT;
        try (InputStream in = ConfigLoader.class.getResourceAsStream(EMBEDDED_DEFAULT)) {
            if (in == null) {
                throw new ConfigException(source, List.of("resource not found"));
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source, env);
        } catch (IOException e) {
            throw new ConfigException(source, List.of("cannot read the resource: " + e), e);
        }
    }
}
