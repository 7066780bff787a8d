package org.roadcoder.search.app;

import org.roadcoder.app.cli.SubcommandProvider;

/** Adds {@code search} to the {@code roadcoder} command line when this module is on the classpath. */
public final class SearchCommandProvider implements SubcommandProvider {

    @Override
    public Object command() {
        return new SearchCommand();
    }
}
