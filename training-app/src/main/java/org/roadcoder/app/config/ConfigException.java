package org.roadcoder.app.config;

/** A configuration value is wrong; the message starts with the key, e.g. {@code training.epochs: ...}. */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String key, String message) {
        super(key + ": " + message);
    }

    static void require(boolean ok, String key, String message) {
        if (!ok) {
            throw new ConfigException(key, message);
        }
    }
}
