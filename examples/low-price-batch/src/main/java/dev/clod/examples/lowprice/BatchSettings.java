package dev.clod.examples.lowprice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The batch's settings, from {@code application.properties} and the overrides given: the folders, the
 * model, the expected run time and the deadline.
 */
record BatchSettings(Path source, Path inbox, Path outbox, String model, String duration, String deadline) {

    static BatchSettings load(Map<String, String> overrides) {
        Properties properties = new Properties();
        try (InputStream in = BatchSettings.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("application.properties is missing from the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        overrides.forEach(properties::setProperty);
        return new BatchSettings(
                Path.of(required(properties, "batch.source")),
                Path.of(required(properties, "batch.inbox")),
                Path.of(required(properties, "batch.outbox")),
                required(properties, "batch.model"),
                required(properties, "batch.duration"),
                required(properties, "batch.deadline"));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the property " + key + " is not set");
        }
        return value.strip();
    }
}
