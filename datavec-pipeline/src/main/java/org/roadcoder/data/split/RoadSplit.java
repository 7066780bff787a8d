package org.roadcoder.data.split;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.roadcoder.data.DataException;
import org.roadcoder.data.survey.SurveyFrame;

/**
 * A deterministic train / validation / test split by road: neighbouring frames are near-duplicates,
 * so a road's frames always stay together. Same roads and seed, same split.
 */
public record RoadSplit(List<String> trainRoads, List<String> validationRoads, List<String> testRoads) {

    public enum Part { TRAIN, VALIDATION, TEST }

    public RoadSplit {
        trainRoads = List.copyOf(trainRoads);
        validationRoads = List.copyOf(validationRoads);
        testRoads = List.copyOf(testRoads);
    }

    /** Splits the roads of {@code frames}; too few roads for the fractions is a {@link DataException}. */
    public static RoadSplit of(List<SurveyFrame> frames, SplitFractions fractions, long seed) {
        Set<String> roads = new TreeSet<>();
        frames.forEach(f -> roads.add(f.roadId()));
        int n = roads.size();
        if (n < fractions.minimumRoads()) {
            throw new DataException(null, "the survey has " + n + (n == 1 ? " road" : " roads") + "; a "
                    + fractions + " train/validation/test split by road needs at least " + fractions.minimumRoads());
        }
        List<String> shuffled = new ArrayList<>(roads);
        Collections.shuffle(shuffled, new Random(seed));
        int nVal = share(n, fractions.validation());
        int nTest = share(n, fractions.test());
        while (n - nVal - nTest < 1) {
            if (nVal >= nTest && nVal > 1) {
                nVal--;
            } else {
                nTest--;
            }
        }
        int nTrain = n - nVal - nTest;
        return new RoadSplit(sorted(shuffled.subList(0, nTrain)), sorted(shuffled.subList(nTrain, nTrain + nVal)),
                sorted(shuffled.subList(nTrain + nVal, n)));
    }

    private static int share(int n, double fraction) {
        return fraction <= 0 ? 0 : Math.max(1, (int) Math.round(n * fraction));
    }

    private static List<String> sorted(List<String> roads) {
        List<String> s = new ArrayList<>(roads);
        Collections.sort(s);
        return s;
    }

    public List<String> roads(Part part) {
        return switch (part) {
            case TRAIN -> trainRoads;
            case VALIDATION -> validationRoads;
            case TEST -> testRoads;
        };
    }

    /** The frames of {@code part}, in survey order. */
    public List<SurveyFrame> frames(List<SurveyFrame> frames, Part part) {
        Set<String> wanted = Set.copyOf(roads(part));
        return frames.stream().filter(f -> wanted.contains(f.roadId())).toList();
    }
}
