package org.roadcoder.search;

/**
 * One candidate of a search, whether it trained or failed.
 *
 * @param index    Arbiter's candidate index
 * @param hidden   hidden size
 * @param dropRate drop rate (share of units dropped)
 * @param lr       classifier learning rate
 * @param score    validation score, NaN when the candidate failed
 * @param epochs   epochs trained
 * @param seconds  wall time of its training and scoring
 * @param error    why it failed, empty when it did not
 */
public record CandidateRecord(int index, int hidden, double dropRate, double lr, double score, int epochs,
                              double seconds, String error) {

    public boolean failed() {
        return !error.isEmpty();
    }
}
