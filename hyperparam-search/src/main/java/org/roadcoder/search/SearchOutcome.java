package org.roadcoder.search;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * What a search found.
 *
 * @param ranked   every candidate, best first, failed ones last
 * @param best     the best candidate's record, or null when every candidate failed
 * @param bestNet  the best candidate's whole network (frozen backbone and fitted head), or null
 * @param scoreName what the score is, e.g. "validation macro-F1"
 */
public record SearchOutcome(List<CandidateRecord> ranked, CandidateRecord best, ComputationGraph bestNet,
                            String scoreName) {

    public SearchOutcome {
        ranked = List.copyOf(ranked);
    }

    public long failures() {
        return ranked.stream().filter(CandidateRecord::failed).count();
    }
}
