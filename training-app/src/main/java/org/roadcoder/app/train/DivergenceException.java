package org.roadcoder.app.train;

/** The loss became NaN or infinite, or grew far beyond the first epoch's: training cannot go on. */
public final class DivergenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DivergenceException(String message) {
        super(message);
    }
}
