package org.roadcoder.app.cli;

/** The exit codes every roadcoder command uses. */
public final class ExitCodes {

    /** Done. */
    public static final int OK = 0;
    /** An unexpected failure inside roadcoder (a bug, or the machine ran out of something). */
    public static final int SOFTWARE = 1;
    /** The command line itself was wrong: unknown option, missing argument. */
    public static final int USAGE = 2;
    /** The user's data or configuration is wrong: the message names the file, line and value. */
    public static final int DATA = 3;
    /** Work finished but found problems the user asked to be told about (e.g. validation errors). */
    public static final int INVALID = 4;
    /** Training stopped because the loss became NaN or diverged; the last good checkpoint is kept. */
    public static final int DIVERGED = 5;
    /** A file could not be written (disk full, read-only folder); what was written before is kept whole. */
    public static final int WRITE_FAILED = 6;

    private ExitCodes() {
    }
}
