package org.roadcoder.app.search;

import java.nio.file.Path;
import java.util.List;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.transfer.HeadOptions;
import org.roadcoder.search.HeadSearch;
import org.roadcoder.search.SearchOutcome;

/** What a search's candidates train on, and how its best candidate becomes a run folder. */
public interface SearchInput {

    /** The outputs every candidate learns. */
    OutputLayout layout();

    /** Head settings the search does not vary (feature learning rate, freezing, seed; the learning rate unless searched). */
    HeadOptions base();

    /** Iterations between two training-UI reports of a candidate: the configuration's {@code training.stats_every}. */
    int statsEvery();

    /** Tells {@code search} how candidates train, and on what. */
    HeadSearch.Builder configure(HeadSearch.Builder search);

    /** Writes the best candidate into {@code dir} as a run folder that predict and evaluate take. */
    void writeBest(SearchOutcome outcome, Path dir, List<String> args);
}
