package dev.clod.server;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The system's Chromium (Debian's {@code chromium} package), driven by Playwright without downloading
 * any browser. Where it is missing, browser tests fail in CI ({@code CI=true}) and are skipped, with a
 * message, elsewhere.
 */
final class HeadlessChromium implements AutoCloseable {

    /** An explicit path wins; then the places Debian and other distributions install it. */
    private static final List<String> CANDIDATES =
            List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium");

    private static final List<String> FLAGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;

    private HeadlessChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Launches it headless with a fresh profile (Playwright makes one per launch). */
    static HeadlessChromium launch() {
        Path executable = executable();
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(executable)
                            .setHeadless(true)
                            .setArgs(FLAGS));
            return new HeadlessChromium(playwright, browser);
        } catch (RuntimeException failed) {
            playwright.close();
            throw failed;
        }
    }

    Browser browser() {
        return browser;
    }

    private static Path executable() {
        String configured = System.getenv("CLOD_CHROMIUM");
        Stream<String> paths = configured == null || configured.isBlank() ? CANDIDATES.stream() : Stream.of(configured);
        return paths.map(Path::of).filter(Files::isExecutable).findFirst().orElseGet(() -> {
            String message = "No Chromium found (looked for " + (configured == null ? CANDIDATES : configured)
                    + "); install Debian's chromium package (apt-get install -y chromium) or set CLOD_CHROMIUM.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            System.err.println("Skipped: " + message);
            Assumptions.abort(message);
            return null;
        });
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
