package dev.clod.camel.quarkus.deployment;

import dev.clod.camel.ClodConfiguration;
import dev.clod.gateway.config.ConfigLoader;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;

/**
 * Build steps of the {@code camel-clod} extension. Camel Quarkus finds the component, its configurers
 * and its URI factory through their service files; what is left is what a native image cannot find by
 * itself.
 *
 * <p>No gateway record is registered for reflection: the gateway reads and writes OpenAI's JSON with
 * Jackson's streaming API and trees, reads YAML into plain maps and lists, and the component binds tool
 * arguments into a {@code LinkedHashMap}; none of it binds to classes of its own by reflection.
 */
class ClodProcessor {

    private static final String FEATURE = "camel-clod";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** The demo catalog the embedded gateway serves when no configuration file is given. */
    @BuildStep
    NativeImageResourceBuildItem demoCatalog() {
        // getResourceAsStream takes an absolute name; the image wants the path inside the jar.
        return new NativeImageResourceBuildItem(ConfigLoader.EMBEDDED_DEFAULT.substring(1));
    }

    /**
     * The component's generated configurer sets every option of the shared configuration directly, but
     * the nested form {@code camel.component.clod.configuration.base-url} reaches the setters of
     * {@link ClodConfiguration} through Camel's bean introspection, which has no configurer for that
     * class to fall back on.
     */
    @BuildStep
    ReflectiveClassBuildItem nestedConfigurationProperties() {
        return ReflectiveClassBuildItem.builder(ClodConfiguration.class)
                .methods()
                .reason(ClodProcessor.class.getName() + ": camel.component.clod.configuration.* properties")
                .build();
    }
}
