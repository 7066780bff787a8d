package org.roadcoder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.app.TestSurveys;
import org.roadcoder.app.train.Checkpoints;
import org.roadcoder.model.segment.FramePooling;
import org.roadcoder.model.segment.SegmentNetworks;

/** {@code training.unit: segment} through the commands: train, resume, predict. */
class SegmentTrainingCommandTest {

    @TempDir
    static Path shared;
    static Path survey;
    static Path config;
    static final String SCHEMA = TestSurveys.repoRoot().resolve("data/labels.yaml").toString();

    @BeforeAll
    static void survey() throws IOException {
        survey = TestSurveys.write(shared.resolve("survey"), 4, 3, 4);
        config = TestSurveys.tinyConfig(shared);
    }

    private static CliRun train(Path run, String... more) {
        List<String> args = new ArrayList<>(List.of("train", survey.toString(), "--schema", SCHEMA,
                "--config", config.toString(), "--out", run.toString(), "--max-batches", "2",
                "--set", "training.unit=segment", "--set", "model.segment_pooling.flags=noisy_or"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void trainsBySegmentAndRecordsItInTheModelConfigAndProvenance(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        CliRun r = train(run);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("by segment (flags noisy_or, exclusive mean_logits)")
                .contains("epoch 2/2: loss").contains("flag thresholds tuned on 3 validation segments");
        ComputationGraph model = Checkpoints.restoreModel(run.resolve("model.zip"));
        assertThat(SegmentNetworks.pooling(model)).isEqualTo(new FramePooling(FramePooling.Flags.NOISY_OR,
                FramePooling.Exclusive.MEAN_LOGITS, 1));
        assertThat(Files.readString(run.resolve("config.yaml"))).contains("unit: segment").contains("flags: noisy_or");
        assertThat(new ObjectMapper().readTree(run.resolve("provenance.json").toFile()).get("trainingUnit").asText())
                .isEqualTo("segment (flags noisy_or, exclusive mean_logits)");
    }

    @Test
    void resumeGivesTheSameNetworkAsAnUninterruptedRun(@TempDir Path dir) {
        assertThat(train(dir.resolve("whole")).exitCode()).isZero();
        assertThat(train(dir.resolve("split"), "--epochs", "1").exitCode()).isZero();
        CliRun resumed = CliRun.of("train", "--resume", "--out", dir.resolve("split").toString(), "--epochs", "2",
                "--max-batches", "2");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        ComputationGraph whole = Checkpoints.restoreCheckpoint(dir.resolve("whole/checkpoint.zip")).net();
        ComputationGraph split = Checkpoints.restoreCheckpoint(dir.resolve("split/checkpoint.zip")).net();
        assertThat(SegmentNetworks.isSegmentLevel(split)).isTrue();
        assertThat(split.params().equalsWithEps(whole.params(), 1e-6)).isTrue();
    }

    @Test
    void predictWritesFrameOutputsAndCodesSegmentsWithTheTrainedPooling(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        assertThat(train(run, "--epochs", "1").exitCode()).isZero();
        Path out = dir.resolve("coded");
        CliRun p = CliRun.of("predict", run.toString(), survey.toString(), "--out", out.toString());
        assertThat(p.exitCode()).as(p.err()).isZero();

        List<String> frames = Files.readAllLines(out.resolve("frame_predictions.csv"));
        assertThat(frames).hasSize(1 + 4 * 3 * 4);
        List<String> header = Arrays.asList(frames.get(0).split(","));
        int crossing = header.indexOf("pedestrian_crossing=present");
        Map<String, List<Double>> bySegment = new LinkedHashMap<>();
        for (String line : frames.subList(1, frames.size())) {
            String[] cells = line.split(",");
            bySegment.computeIfAbsent(cells[1], k -> new ArrayList<>()).add(Double.parseDouble(cells[crossing]));
        }
        List<String> segments = Files.readAllLines(out.resolve("segment_codes.csv"));
        int score = Arrays.asList(segments.get(0).split(",")).indexOf("pedestrian_crossing_score");
        String[] first = segments.get(1).split(",");
        List<Double> p0 = bySegment.get(first[0]);
        double none = 1;
        for (double v : p0) {
            none *= 1 - v;
        }
        // noisy-OR of the segment's frames, not their maximum
        assertThat(Double.parseDouble(first[score])).isCloseTo(1 - none, within(1e-3))
                .isGreaterThan(p0.stream().mapToDouble(Double::doubleValue).max().orElseThrow() + 1e-3);
    }

    @Test
    void segmentTrainingNeedsSegmentLabelsAndAKnownPooling(@TempDir Path dir) {
        CliRun truth = train(dir.resolve("a"), "--set", "data.labels=truth");
        assertThat(truth.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(truth.err().strip()).isEqualTo("error: training.unit: segment trains on the coders' segment labels "
                + "and needs data.labels: segments, not truth");
        CliRun pooling = train(dir.resolve("b"), "--set", "model.segment_pooling.exclusive=max");
        assertThat(pooling.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(pooling.err().strip()).isEqualTo("error: model.segment_pooling.exclusive: unknown pooling 'max'; "
                + "known: [mean_logits, mean_probs]");
    }
}
