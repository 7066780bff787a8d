package org.roadcoder.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository's committed data from a module's test JVM. */
public final class TestFiles {

    private TestFiles() {
    }

    /** The repository root: the nearest parent of the working directory holding {@code data/labels.yaml}. */
    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("data/labels.yaml"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("data/labels.yaml not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    public static Path defaultSchema() {
        return repoRoot().resolve("data/labels.yaml");
    }

    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
