package dev.clod.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Node.js snippets of docs/integrations (openai and @langchain/openai, at the versions pinned in
 * docs/integrations/snippets/node/package-lock.json), run with {@code node} against the embedded demo
 * catalog, as the guides tell a reader to run them. They need {@code npm ci} in that folder first; without
 * it they are skipped on a developer's machine and fail in CI ({@code CI=true}), where .ci/run installs them.
 */
class NodeSnippetsIT {

    private static final Path SNIPPETS = RepositoryFiles.root().resolve("docs/integrations/snippets/node");
    private static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        String missing = whatIsMissing();
        if (missing != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(missing + " .ci/run installs them with: npm ci --prefix docs/integrations/snippets/node");
            }
            assumeTrue(false, missing + " Run: npm ci --prefix docs/integrations/snippets/node");
        }
        server = RunningServer.embeddedDefault();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** docs/integrations/openai-node.md, "Chat, and where it ran". */
    @Test
    void openAiChat() throws Exception {
        List<String> out = run("openai-chat.mjs");

        assertThat(line(out, "answer: ")).contains("Say hello in five words.");
        String servedBy = line(out, "served by: ");
        assertThat(servedBy).matches("llama-3\\.1-8b/sim-([a-z-]+) at \\1");
        assertThat(new BigDecimal(line(out, "cost (USD): "))).isPositive();
        // Which site is quickest is measured as requests come in, so only the strategy is certain.
        assertThat(line(out, "strategy applied: ")).matches("latency by llama-3\\.1-8b/sim-[a-z-]+");
    }

    /** docs/integrations/openai-node.md, "Stream". */
    @Test
    void openAiStream() throws Exception {
        List<String> out = run("openai-stream.mjs");

        assertThat(line(out, "text: ")).contains("Write a haiku about electricity prices.");
        assertThat(Integer.parseInt(line(out, "chunks: "))).isGreaterThan(3);
        assertThat(line(out, "usage: ")).matches("\\d+ prompt \\+ [1-9]\\d* completion tokens");
    }

    /** docs/integrations/openai-node.md, "Tools". */
    @Test
    void openAiTools() throws Exception {
        List<String> out = run("openai-tools.mjs");

        String call = line(out, "tool call: get_weather ");
        assertThat(call).matches("\\{\"city\":\"[^\"]+\",\"unit\":\"celsius\"} -> \\{.*\"temperature\":21}");
        String result = call.substring(call.indexOf(" -> ") + 4);
        assertThat(line(out, "answer: ")).contains("get_weather returned " + result);
    }

    /** docs/integrations/openai-node.md, "Models and their limits". */
    @Test
    void openAiModels() throws Exception {
        List<String> out = run("openai-models.mjs");

        assertThat(out)
                .contains("llama-3.1-8b context_window: 131072 max_output_tokens: 8192 capabilities: tools,json")
                .contains("qwen-2.5-7b context_window: 32768 max_output_tokens: 4096 capabilities: json");
    }

    /** docs/integrations/langchain-js.md, "Chat and stream". */
    @Test
    void langChainChat() throws Exception {
        List<String> out = run("langchain-chat.mjs");

        assertThat(line(out, "answer: "))
                .contains("What does an LLM gateway do?")
                .contains("sim-");
        assertThat(Integer.parseInt(line(out, "tokens: "))).isPositive();
        assertThat(line(out, "streamed: ")).contains("Stream a short answer.");
    }

    /** docs/integrations/langchain-js.md, "Tools". */
    @Test
    void langChainTools() throws Exception {
        List<String> out = run("langchain-tools.mjs");

        String call = line(out, "tool call: convert_currency ");
        assertThat(call).startsWith("{\"amount\":1,\"from\":\"EUR\",\"to\":\"USD\"} -> ");
        String result = call.substring(call.indexOf(" -> ") + 4);
        assertThat(result).contains("\"result\":1.08");
        assertThat(line(out, "answer: ")).contains("convert_currency returned " + result);
    }

    /** Why the snippets cannot run here, or null when they can. */
    private static String whatIsMissing() throws InterruptedException {
        try {
            Process version = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            if (!version.waitFor(30, TimeUnit.SECONDS) || version.exitValue() != 0) {
                return "node does not run here.";
            }
        } catch (IOException notFound) {
            return "node is not installed.";
        }
        if (!Files.isDirectory(SNIPPETS.resolve("node_modules/openai"))
                || !Files.isDirectory(SNIPPETS.resolve("node_modules/@langchain/openai"))) {
            return "The snippets' packages are not installed in " + SNIPPETS + ".";
        }
        return null;
    }

    /** Runs one snippet as a reader would, with the base URL and key in its environment, and returns its output. */
    private static List<String> run(String script) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder("node", script).directory(SNIPPETS.toFile()).redirectErrorStream(true);
        builder.environment().put("CLOD_BASE_URL", server.baseUrl());
        builder.environment().put("CLOD_KEY", RunningServer.USER_KEY);
        Process process = builder.start();
        process.getOutputStream().close();
        // The scripts print a few lines, so reading to the end cannot block on a full pipe.
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(script + " did not end within 60 s:\n" + output);
        }
        assertThat(process.exitValue())
                .as("%s exit code; output:%n%s", script, output)
                .isZero();
        return output.lines().toList();
    }

    /** The rest of the first line starting with {@code prefix}. */
    private static String line(List<String> output, String prefix) {
        return output.stream()
                .filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in " + output));
    }
}
