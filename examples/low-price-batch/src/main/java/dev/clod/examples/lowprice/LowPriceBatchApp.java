package dev.clod.examples.lowprice;

import dev.clod.camel.energy.CheapEnergyRoutePolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.main.Main;

/**
 * Submits a batch of support tickets (copies them into the inbox) and runs the route that answers them
 * in the cheapest energy window before the deadline, on the embedded gateway's replay of summer 2024's
 * electricity prices; prints what it cost against running at once, and exits.
 */
public final class LowPriceBatchApp {

    private LowPriceBatchApp() {}

    public static void main(String[] args) throws Exception {
        run(Map.of());
    }

    /**
     * Runs the batch once and returns its report.
     *
     * @param overrides property values that replace those of {@code application.properties}
     */
    public static BatchReport run(Map<String, String> overrides) throws Exception {
        BatchSettings settings = BatchSettings.load(overrides);
        int submitted = submit(settings);
        BatchRun run = new BatchRun(submitted);
        CheapEnergyRoutePolicy policy = new CheapEnergyRoutePolicy();
        policy.setModel(settings.model());
        policy.setDuration(settings.duration());
        policy.setDeadline(settings.deadline());

        // No main class: Camel would scan this package and build BatchRoutes without its settings.
        Main main = new Main();
        overrides.forEach(main::addOverrideProperty);
        main.configure().addRoutesBuilder(new BatchRoutes(settings, policy, run));
        // One exchange per file: stop once the batch is done.
        main.configure().setDurationMaxMessages(submitted);
        main.run();
        if (run.report() == null) {
            throw new IllegalStateException("the batch stopped before all " + submitted + " records were answered");
        }
        return run.report();
    }

    /**
     * Drops the batch's files into the inbox, the durable source they wait in. Answers how many files
     * wait there: the batch, plus any a stopped run left behind.
     */
    private static int submit(BatchSettings settings) throws IOException {
        Files.createDirectories(settings.inbox());
        List<Path> files = filesIn(settings.source());
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files to submit in " + settings.source());
        }
        for (Path file : files) {
            Files.copy(file, settings.inbox().resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return filesIn(settings.inbox()).size();
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
