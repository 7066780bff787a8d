package org.roadcoder.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.app.TestSurveys;
import org.roadcoder.app.review.ReviewQueue;
import org.roadcoder.data.schema.GroupKind;
import org.roadcoder.data.schema.LabelSchema;

class ReviewPickTest {

    private static final LabelSchema SCHEMA = LabelSchema.load(TestSurveys.repoRoot().resolve("data/labels.yaml"));

    @TempDir
    Path dir;

    @Test
    void sharesRoundHalfUpAndNeverPickNothingForAPositiveShare() {
        assertThat(ReviewPick.count(100, 5)).isEqualTo(5);
        assertThat(ReviewPick.count(100, 20)).isEqualTo(20);
        assertThat(ReviewPick.count(50, 5)).as("2.5 rounds up").isEqualTo(3);
        assertThat(ReviewPick.count(49, 5)).as("2.45 rounds down").isEqualTo(2);
        assertThat(ReviewPick.count(15, 10)).as("1.5").isEqualTo(2);
        assertThat(ReviewPick.count(7, 5)).as("0.35, but a review reviews something").isEqualTo(1);
        assertThat(ReviewPick.count(7, 0)).isZero();
        assertThat(ReviewPick.count(7, 100)).isEqualTo(7);
        assertThatThrownBy(() -> ReviewPick.count(7, 120)).hasMessageContaining("120.0%");
    }

    /**
     * Four segments predict coded: s0 sure of everything (0.9), s1 least sure of an absent flag (max 0.3:
     * confidence 0.7), s2 of an exclusive group (0.4), s3 of a present flag (0.55).
     */
    @Test
    void leastConfidentPicksTheSegmentsTheReviewPageShowsFirst() throws IOException {
        Path survey = Files.createDirectories(dir.resolve("survey"));
        StringBuilder frames = new StringBuilder("frame_id,segment_id,image,chainage_m,road_id\n");
        StringBuilder codes = new StringBuilder("segment_id,road_id,start_m,end_m," + TestSurveys.HEADER);
        for (String g : TestSurveys.HEADER.split(",")) {
            codes.append(',').append(g).append("_score");
        }
        codes.append('\n');
        for (int s = 0; s < 4; s++) {
            frames.append(String.format("f%d,s%d,images/f%d.jpg,%d,road0%n", s, s, s, s * 100));
            codes.append(String.format("s%d,road0,%d,%d,urban,moderate,none,wide,centre_line,two,absent,%s,absent,absent,absent",
                    s, s * 100, s * 100 + 100, s == 3 ? "present" : "absent"));
            for (String g : TestSurveys.HEADER.split(",")) {
                double score = g.equals("curvature") && s == 2 ? 0.4
                        : g.equals("street_lighting") && s == 1 ? 0.3
                        : g.equals("sidewalk") && s == 3 ? 0.55
                        : SCHEMA.group(g).orElseThrow().kind() == GroupKind.FLAG && !g.equals("area_type") ? 0.1 : 0.9;
                codes.append(',').append(score);
            }
            codes.append('\n');
        }
        Files.writeString(survey.resolve("frames.csv"), frames);
        Path file = dir.resolve("segment_codes.csv");
        Files.writeString(file, codes);

        List<String> queue = ReviewQueue.of(SCHEMA, file, survey);

        assertThat(queue).containsExactly("s2", "s3", "s1", "s0");
        assertThat(ReviewPick.leastConfident(queue, 2)).containsExactly("s2", "s3");
    }

    @Test
    void randomPicksAreSeededDistinctAndFromThePool() {
        List<String> pool = IntStream.range(0, 40).mapToObj(i -> "seg" + i).toList();
        List<String> a = ReviewPick.random(pool, 8, 1);

        assertThat(a).hasSize(8).doesNotHaveDuplicates().isSubsetOf(pool);
        assertThat(ReviewPick.random(pool, 8, 1)).as("same seed").isEqualTo(a);
        List<String> reversed = new java.util.ArrayList<>(pool);
        java.util.Collections.reverse(reversed);
        assertThat(ReviewPick.random(reversed, 8, 1)).as("same pool in another order").isEqualTo(a);
        assertThat(ReviewPick.random(pool, 8, 2)).as("another seed").isNotEqualTo(a);
        assertThat(a).as("not just the head of the queue").isNotEqualTo(pool.subList(0, 8));
    }
}
