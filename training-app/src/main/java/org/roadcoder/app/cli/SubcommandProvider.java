package org.roadcoder.app.cli;

/**
 * A command that another module adds to {@code roadcoder}. The command line finds every provider on
 * the classpath with {@link java.util.ServiceLoader} (a module lists its provider in
 * {@code META-INF/services/org.roadcoder.app.cli.SubcommandProvider}), so it needs no compile-time
 * dependency on the modules that extend it: hyperparam-search adds {@code search} this way, and
 * depends on training-app rather than the other way round.
 */
public interface SubcommandProvider {

    /** A new instance of the command: a picocli {@code @Command} class, run like the built-in ones. */
    Object command();
}
