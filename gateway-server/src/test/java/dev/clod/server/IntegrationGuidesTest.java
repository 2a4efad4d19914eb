package dev.clod.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The code blocks of docs/integrations are the code that runs: a block after
 * {@code <!-- snippet: path -->} is that file of the repository, and after {@code <!-- snippet:
 * path#name -->} the lines between {@code // guide:begin name} and {@code // guide:end name} of that
 * test source, indentation removed. An {@code <!-- imports: path -->} block lists only imports of that
 * source. Every Node snippet and every marked region is shown by some guide, and every guide is listed in
 * the index.
 */
class IntegrationGuidesTest {

    private static final Path ROOT = RepositoryFiles.root();
    private static final Path GUIDES = ROOT.resolve("docs/integrations");
    private static final Pattern SNIPPET =
            Pattern.compile("<!-- snippet: (\\S+) -->\\n```\\w+\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern IMPORTS =
            Pattern.compile("<!-- imports: (\\S+) -->\\n```\\w+\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern REGION = Pattern.compile("// guide:begin (\\S+)");

    @Test
    void everySnippetIsTheCodeThatRuns() {
        int checked = 0;
        for (Path guide : guides()) {
            Matcher snippet = SNIPPET.matcher(read(guide));
            while (snippet.find()) {
                String reference = snippet.group(1);
                assertThat(snippet.group(2))
                        .as("the %s block of %s", reference, GUIDES.relativize(guide))
                        .isEqualTo(expected(reference) + "\n");
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(18);
    }

    @Test
    void everyImportShownIsOneTheSnippetsUse() {
        for (Path guide : guides()) {
            Matcher imports = IMPORTS.matcher(read(guide));
            while (imports.find()) {
                Set<String> used = new HashSet<>(
                        read(ROOT.resolve(imports.group(1))).lines().toList());
                assertThat(imports.group(2).lines().toList())
                        .as("imports of %s shown in %s", imports.group(1), GUIDES.relativize(guide))
                        .isNotEmpty()
                        .allSatisfy(line -> assertThat(used).contains(line));
            }
        }
    }

    @Test
    void everyNodeSnippetAndEveryMarkedRegionIsShownBySomeGuide() throws IOException {
        Set<String> shown = new HashSet<>();
        for (Path guide : guides()) {
            Matcher snippet = SNIPPET.matcher(read(guide));
            while (snippet.find()) {
                shown.add(snippet.group(1));
            }
        }
        List<String> runnable = new ArrayList<>();
        try (Stream<Path> scripts = Files.list(GUIDES.resolve("snippets/node"))) {
            scripts.filter(script -> script.toString().endsWith(".mjs"))
                    .forEach(script -> runnable.add(ROOT.relativize(script).toString()));
        }
        for (String source : sourcesWithRegions(shown)) {
            Matcher region = REGION.matcher(read(ROOT.resolve(source)));
            while (region.find()) {
                runnable.add(source + "#" + region.group(1));
            }
        }
        assertThat(runnable).hasSizeGreaterThanOrEqualTo(18);
        assertThat(shown).containsAll(runnable);
    }

    @Test
    void theIndexListsEveryGuide() {
        String index = read(GUIDES.resolve("README.md"));
        assertThat(guides())
                .filteredOn(guide -> !guide.getFileName().toString().equals("README.md"))
                .hasSizeGreaterThanOrEqualTo(12)
                .allSatisfy(guide -> assertThat(index).contains("](" + guide.getFileName() + ")"));
    }

    private static String expected(String reference) {
        int hash = reference.indexOf('#');
        if (hash < 0) {
            return read(ROOT.resolve(reference)).stripTrailing();
        }
        return region(read(ROOT.resolve(reference.substring(0, hash))), reference.substring(hash + 1));
    }

    /** The lines between the markers, without the indentation they share. */
    private static String region(String source, String name) {
        List<String> lines = source.lines().toList();
        int begin = lines.stream().map(String::strip).toList().indexOf("// guide:begin " + name);
        int end = lines.stream().map(String::strip).toList().indexOf("// guide:end " + name);
        assertThat(begin).as("guide:begin %s", name).isNotNegative();
        assertThat(end).as("guide:end %s", name).isGreaterThan(begin);
        List<String> body = lines.subList(begin + 1, end);
        int indent = body.stream()
                .filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        return String.join(
                "\n",
                body.stream()
                        .map(line -> line.isBlank() ? "" : line.substring(indent))
                        .toList());
    }

    private static Set<String> sourcesWithRegions(Set<String> references) {
        Set<String> sources = new HashSet<>();
        for (String reference : references) {
            if (reference.contains("#")) {
                sources.add(reference.substring(0, reference.indexOf('#')));
            }
        }
        return sources;
    }

    private static List<Path> guides() {
        try (Stream<Path> files = Files.list(GUIDES)) {
            return files.filter(file -> file.toString().endsWith(".md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
