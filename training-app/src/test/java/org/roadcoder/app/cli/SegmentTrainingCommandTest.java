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
import java.util.Set;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
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
        String unit = "segment (flags noisy_or, exclusive mean_logits; pooled: pedestrian_crossing, intersection; "
                + "the other groups trained per frame)";
        assertThat(r.out()).contains("by " + unit)
                .contains("epoch 2/2: loss").contains("flag thresholds tuned on 12 validation frames and their 3 segments");
        ComputationGraph model = Checkpoints.restoreModel(run.resolve("model.zip"));
        // the default pools the point objects (the schema's last two groups); the others train per frame
        assertThat(SegmentNetworks.pooling(model)).isEqualTo(new FramePooling(FramePooling.Flags.NOISY_OR,
                FramePooling.Exclusive.MEAN_LOGITS, 1, Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8)));
        assertThat(Files.readString(run.resolve("config.yaml"))).contains("unit: segment").contains("flags: noisy_or");
        assertThat(new ObjectMapper().readTree(run.resolve("provenance.json").toFile()).get("trainingUnit").asText())
                .isEqualTo(unit);
        assertThat(Files.readString(run.resolve("config.yaml"))).contains("groups:\n    - pedestrian_crossing\n");

        CliRun all = train(dir.resolve("all"), "--set", "model.segment_pooling.groups=all");
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(SegmentNetworks.pooling(Checkpoints.restoreModel(dir.resolve("all/model.zip")))).isEqualTo(
                new FramePooling(FramePooling.Flags.NOISY_OR, FramePooling.Exclusive.MEAN_LOGITS, 1));
    }

    @Test
    void fillFramesTrainAndAreRecordedAndResumeTheSameWay(@TempDir Path dir) throws IOException {
        CliRun r = train(dir.resolve("whole"), "--set", "training.segment_fill=5");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String unit = "segment (flags noisy_or, exclusive mean_logits; pooled: pedestrian_crossing, intersection; "
                + "the other groups trained per frame; 5 fill frames a batch)";
        assertThat(r.out()).contains("by " + unit).contains("epoch 2/2: loss");
        assertThat(Files.readString(dir.resolve("whole/config.yaml"))).contains("segment_fill: 5");
        assertThat(new ObjectMapper().readTree(dir.resolve("whole/provenance.json").toFile()).get("trainingUnit")
                .asText()).isEqualTo(unit);
        // the fill frames are drawn from the epoch's seed: a resumed run draws the same ones
        assertThat(train(dir.resolve("split"), "--epochs", "1", "--set", "training.segment_fill=5").exitCode()).isZero();
        CliRun resumed = CliRun.of("train", "--resume", "--out", dir.resolve("split").toString(), "--epochs", "2",
                "--max-batches", "2");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        INDArray whole = Checkpoints.restoreCheckpoint(dir.resolve("whole/checkpoint.zip")).net().params();
        assertThat(Checkpoints.restoreCheckpoint(dir.resolve("split/checkpoint.zip")).net().params()
                .equalsWithEps(whole, 1e-6)).isTrue();
        // whole segments that train only the point objects: recorded, and another run again
        CliRun pooled = train(dir.resolve("pooled"), "--set", "training.segment_fill=5", "--set",
                "training.segment_frames=pooled");
        assertThat(pooled.exitCode()).as(pooled.err()).isZero();
        assertThat(pooled.out()).contains("5 fill frames a batch, whole segments train only the pooled groups)");
        assertThat(Checkpoints.restoreCheckpoint(dir.resolve("pooled/checkpoint.zip")).net().params()
                .equalsWithEps(whole, 1e-6)).isFalse();
        // and without fill frames the run is another one
        assertThat(train(dir.resolve("nofill")).exitCode()).isZero();
        assertThat(Checkpoints.restoreCheckpoint(dir.resolve("nofill/checkpoint.zip")).net().params()
                .equalsWithEps(whole, 1e-6)).isFalse();
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
        // a group trained per frame is coded as a frame-level model codes it: its frames' maximum
        int lighting = header.indexOf("street_lighting=present");
        double lightingMax = frames.subList(1, frames.size()).stream().map(l -> l.split(","))
                .filter(c -> c[1].equals(first[0])).mapToDouble(c -> Double.parseDouble(c[lighting])).max().orElseThrow();
        int lightingScore = Arrays.asList(segments.get(0).split(",")).indexOf("street_lighting_score");
        assertThat(Double.parseDouble(first[lightingScore])).isCloseTo(lightingMax, within(2e-4));
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
        CliRun group = train(dir.resolve("c"), "--set", "model.segment_pooling.groups=[pedestrian_crossing, kerb]");
        assertThat(group.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(group.err().strip()).startsWith("error: model.segment_pooling.groups: no group [kerb] in the label "
                + "schema; its groups: [area_type, curvature,");
    }
}
