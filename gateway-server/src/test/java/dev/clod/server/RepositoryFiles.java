package dev.clod.server;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository outside this module, such as the docs, located from the test's working folder. */
final class RepositoryFiles {

    private RepositoryFiles() {}

    /** The repository's root: the nearest folder up from here that holds {@code docs/integrations}. */
    static Path root() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isDirectory(folder.resolve("docs/integrations"))) {
                return folder;
            }
        }
        throw new IllegalStateException(
                "no docs/integrations above " + Path.of("").toAbsolutePath() + "; run the tests from the repository");
    }
}
