package org.roadcoder.app.bench;

import java.util.List;

/**
 * One arm of the review bench for one training seed: which pool segments were reviewed, how many of the
 * model's attribute codes on them the review changed, and the test survey's scores of the retrained model.
 *
 * @param strategy   none, least_confident or random
 * @param percent    the share of the pool reviewed
 * @param pickSeed   the random draw's seed (random arm only, else -1)
 * @param reviewed   the pool segment ids added with their true labels
 * @param corrected  attribute codes among them that differed from the truth (what a coder corrects)
 */
record ReviewArm(String strategy, double percent, long trainSeed, long pickSeed, List<String> reviewed, int corrected,
        PredictionScores scores, double trainSeconds) {

    String name() {
        return "none".equals(strategy) ? "no review" : String.format("%s %s%%", strategy.replace('_', ' '),
                percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent));
    }
}
