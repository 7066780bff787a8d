package org.roadcoder.app.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.roadcoder.data.DataException;

/**
 * Tells a failed write of the run folder (disk full, read-only, quota) from other failures: the
 * {@link IOException} somewhere in the cause chain of what training threw, unless the problem is the
 * user's data, which is reported as such.
 */
public final class WriteFailure {

    private WriteFailure() {
    }

    public static Optional<IOException> of(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof DataException) {
                return Optional.empty();
            }
            if (t instanceof IOException io) {
                return Optional.of(io);
            }
        }
        return Optional.empty();
    }

    /** One line: roadcoder's own message where it wrote one (it names the file), else the system's. */
    public static String describe(Throwable thrown, IOException io) {
        if (thrown instanceof UncheckedIOException && thrown.getMessage() != null) {
            return thrown.getMessage();
        }
        return io.getMessage() == null ? io.toString() : io.getMessage();
    }
}
