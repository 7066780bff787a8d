package org.roadcoder.data;

import java.nio.file.Path;

/**
 * A mistake in the user's data or configuration: a message that names the file, and where known
 * the line, column and value, and says what was expected. Commands print it as one line and exit
 * non-zero; it is never a bug in roadcoder, so no stack trace is needed to act on it.
 */
public class DataException extends RuntimeException {

    private final transient Path file;

    public DataException(Path file, String message) {
        this(file, message, null);
    }

    public DataException(Path file, String message, Throwable cause) {
        super(file == null ? message : file + ": " + message, cause);
        this.file = file;
    }

    /** The file the problem is in, or {@code null} when it is not about one file. */
    public Path file() {
        return file;
    }
}
