package org.roadcoder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.app.TestSurveys;
import org.roadcoder.app.config.ConfigLoader;
import org.roadcoder.app.train.Checkpoints;
import org.roadcoder.data.csv.CsvTable;
import org.roadcoder.app.run.Layouts;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.inference.PriorCorrection;
import org.roadcoder.model.transfer.CosineDecay;
import org.roadcoder.model.metrics.Thresholds;

class TrainCommandTest {

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
        List<String> args = new java.util.ArrayList<>(List.of("train", survey.toString(), "--schema", SCHEMA,
                "--config", config.toString(), "--out", run.toString(), "--max-batches", "2"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void trainsAndSavesModelConfigSchemaProvenanceAndHistory(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        CliRun r = train(run);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("2 roads train, 1 validation, 1 test")
                .containsPattern("epoch 1/2: loss \\d+\\.\\d{4}, validation macro-F1 \\d\\.\\d{4}, all-groups F1 \\d\\.\\d{4} \\(best\\)")
                .contains("epoch 2/2: loss").doesNotContain("\r").contains("finished 2 epochs")
                .contains("flag thresholds tuned on 12 validation frames");
        assertThat(ConfigLoader.load(run.resolve("config.yaml"), List.of()))
                .isEqualTo(ConfigLoader.load(config, List.of()));
        assertThat(run.resolve("labels.yaml")).hasSameTextualContentAs(Path.of(SCHEMA));
        JsonNode p = new ObjectMapper().readTree(run.resolve("provenance.json").toFile());
        assertThat(p.get("survey").asText()).isEqualTo(survey.toAbsolutePath().normalize().toString());
        assertThat(p.get("split").get("train")).hasSize(2);
        assertThat(p.get("weightsUsed").asText()).isEqualTo("random");
        assertThat(p.get("epochs").asInt()).isEqualTo(2);
        assertThat(p.get("stopReason").asText()).isEqualTo("finished 2 epochs");
        assertThat(p.get("commandLine").get(0).get(0).asText()).isEqualTo("train");
        assertThat(p.get("commandLine").get(0).get(1).asText()).isEqualTo(survey.toString());
        assertThat(Files.readAllLines(run.resolve("history.csv"))).hasSize(3).first()
                .isEqualTo("epoch,train_loss,val_macro_f1,seconds");
        assertThat(Thresholds.readFrom(run.resolve("model.zip").toFile()).flags()).containsKey("intersection");
        assertThat(run.resolve("checkpoint.zip")).isRegularFile();
        assertThat(dir.resolve("run").toFile().list()).noneMatch(n -> n.endsWith(".tmp"));
    }

    @Test
    void resumeGivesTheSameNetworkAsAnUninterruptedRun(@TempDir Path dir) {
        assertThat(train(dir.resolve("whole")).exitCode()).isZero();
        assertThat(train(dir.resolve("split"), "--epochs", "1").exitCode()).isZero();

        CliRun resumed = CliRun.of("train", "--resume", "--out", dir.resolve("split").toString(), "--epochs", "2",
                "--max-batches", "2");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming").contains("after epoch 1").contains("epoch 2/2: loss")
                .doesNotContain("epoch 1/2:");
        ComputationGraph whole = Checkpoints.restoreCheckpoint(dir.resolve("whole/checkpoint.zip")).net();
        ComputationGraph split = Checkpoints.restoreCheckpoint(dir.resolve("split/checkpoint.zip")).net();
        assertThat(split.params().equalsWithEps(whole.params(), 1e-6)).isTrue();
        CsvTable wholeHistory = CsvTable.read(dir.resolve("whole/history.csv"));
        CsvTable splitHistory = CsvTable.read(dir.resolve("split/history.csv"));
        assertThat(splitHistory.rows()).extracting(r -> splitHistory.cell(r, "epoch")).containsExactly("1", "2");
        assertThat(splitHistory.rows()).extracting(r -> splitHistory.cell(r, "train_loss"))
                .isEqualTo(wholeHistory.rows().stream().map(r -> wholeHistory.cell(r, "train_loss")).toList());
    }

    @Test
    void theModelDecidesExclusiveGroupsWithThePriorCorrectionOfItsTrainingFramesAppliedOnce(@TempDir Path dir)
            throws IOException {
        Path plain = dir.resolve("plain");
        Path corrected = dir.resolve("corrected");
        assertThat(train(plain, "--set", "model.prior_correction=0").exitCode()).isZero();
        CliRun r = train(corrected, "--set", "model.prior_correction=0.75");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("exclusive groups' prior correction: tau 0.75");
        OutputLayout layout = Layouts.of(LabelSchema.load(Path.of(SCHEMA)));

        PriorCorrection c = PriorCorrection.readFrom(corrected.resolve("model.zip").toFile());
        assertThat(c.tau()).isEqualTo(0.75);
        assertThat(c.shares()).containsOnlyKeys("curvature", "bicycle_facilities", "lane_width", "median_type",
                "number_of_lanes");
        assertThat(java.util.Arrays.stream(c.shares().get("median_type")).sum()).isCloseTo(1, within(1e-9));
        // the same training, so the only difference is the offsets in the output layer's bias
        double[] offsets = c.logitOffsets(layout);
        assertThat(bias(corrected.resolve("model.zip"))).containsExactly(
                add(bias(plain.resolve("model.zip")), offsets), within(1e-5));

        // resumed past its end, the kept model is corrected once, not twice
        CliRun resumed = CliRun.of("train", "--resume", "--out", corrected.toString(), "--epochs", "3",
                "--max-batches", "2");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        int kept = new ObjectMapper().readTree(corrected.resolve("provenance.json").toFile()).get("bestEpoch").asInt();
        double[] trained = kept == 3 ? outputBias(Checkpoints.restoreCheckpoint(corrected.resolve("checkpoint.zip")).net())
                : bias(plain.resolve("model.zip"));
        assertThat(bias(corrected.resolve("model.zip"))).containsExactly(add(trained, offsets), within(1e-5));
    }

    @Test
    void byDefaultTheExponentIsTheOneThatScoresBestOnTheValidationRoads(@TempDir Path dir) {
        CliRun r = train(dir.resolve("auto"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("prior correction: tau (\\d\\.\\d\\d), "
                + "tuned on validation \\(macro-F1 of the exclusive groups by tau: 0\\.0 (\\d\\.\\d{4}), "
                + "0\\.25 (\\d\\.\\d{4}), 0\\.5 (\\d\\.\\d{4}), 0\\.75 (\\d\\.\\d{4}), 1\\.0 (\\d\\.\\d{4})\\)").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        double[] scores = java.util.stream.IntStream.rangeClosed(2, 6).mapToDouble(g -> Double.parseDouble(m.group(g)))
                .toArray();
        double chosen = PriorCorrection.readFrom(dir.resolve("auto/model.zip").toFile()).tau();
        int at = java.util.Arrays.binarySearch(PriorCorrection.CANDIDATES, chosen);
        assertThat(at).isNotNegative();
        assertThat(scores[at]).isEqualTo(java.util.Arrays.stream(scores).max().orElseThrow());
    }

    private static double[] bias(Path model) {
        return outputBias(Checkpoints.restoreModel(model));
    }

    private static double[] outputBias(ComputationGraph net) {
        return net.getLayer(net.getConfiguration().getNetworkOutputs().get(0)).getParam("b").reshape(-1).toDoubleVector();
    }

    private static double[] add(double[] a, double[] b) {
        double[] s = a.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] += b[i];
        }
        return s;
    }

    @Test
    void theTrainingUiStatsAreReportedEveryStatsEveryIterationsOrNotAtAll(@TempDir Path dir) {
        assertThat(train(dir.resolve("every2"), "--set", "training.stats_every=2").exitCode()).isZero();
        assertThat(train(dir.resolve("none"), "--set", "training.stats_every=0").exitCode()).isZero();

        // 2 epochs x 2 batches = iterations 0..3; DL4J reports every k-th iteration from k on: iteration 2 only
        FileStatsStorage stats = new FileStatsStorage(dir.resolve("every2/ui-stats.dl4j").toFile());
        try {
            String session = stats.listSessionIDs().get(0);
            assertThat(stats.getAllUpdatesAfter(session, StatsListener.TYPE_ID, 0)).singleElement()
                    .extracting(u -> ((org.deeplearning4j.ui.model.stats.api.StatsReport) u).getIterationCount())
                    .isEqualTo(2);
        } finally {
            stats.close();
        }
        assertThat(dir.resolve("none/ui-stats.dl4j")).doesNotExist();
        assertThat(dir.resolve("none/model.zip")).isRegularFile();
    }

    @Test
    void divergenceStopsWithAClearErrorAndExitCode(@TempDir Path dir) {
        CliRun r = train(dir.resolve("run"), "--set", "model.feature_lr=1e30", "--set", "model.classifier_lr=1e30");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.DIVERGED);
        assertThat(r.err()).contains("error: training diverged in epoch 1").contains("lower the learning rates")
                .doesNotContain("Exception");
        assertThat(dir.resolve("run/checkpoint.zip")).doesNotExist();
        assertThat(dir.resolve("run/provenance.json")).content().contains("\"stopReason\" : \"diverged: training diverged in epoch 1");
    }

    @Test
    void aCosineScheduleTakesTheRatesToZeroOverTheRunAndAResumedRunStretchesItFromTheConfiguredRates(@TempDir Path dir) {
        Path run = dir.resolve("cosine");
        CliRun r = train(run, "--set", "training.lr_schedule=cosine");
        assertThat(r.exitCode()).as(r.err()).isZero();
        // 2 epochs of 2 batches: the tiny configuration's rates (0.003) fall to 0 over 4 iterations
        ComputationGraph end = Checkpoints.restoreCheckpoint(run.resolve("checkpoint.zip")).net();
        assertThat(schedule(end, "fc1")).isEqualTo(new CosineDecay(0.003, 4));
        assertThat(schedule(end, "conv1_1")).isEqualTo(new CosineDecay(0.003, 4));
        assertThat(end.getLearningRate("output")).isZero();

        CliRun resumed = CliRun.of("train", "--resume", "--out", run.toString(), "--epochs", "3", "--max-batches", "2");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        ComputationGraph more = Checkpoints.restoreCheckpoint(run.resolve("checkpoint.zip")).net();
        assertThat(schedule(more, "fc1")).isEqualTo(new CosineDecay(0.003, 6));
        assertThat(more.getLearningRate("fc1")).isZero();

        CliRun bad = train(dir.resolve("bad"), "--set", "training.lr_schedule=step");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(bad.err().strip()).isEqualTo("error: training.lr_schedule: must be constant or cosine, got step");
    }

    private static org.nd4j.linalg.schedule.ISchedule schedule(ComputationGraph net, String layer) {
        return ((org.nd4j.linalg.learning.config.Adam) ((org.deeplearning4j.nn.conf.layers.BaseLayer) net.getLayer(layer)
                .conf().getLayer()).getIUpdater()).getLearningRateSchedule();
    }

    @Test
    void badConfigurationIsOneLineNamingTheKey(@TempDir Path dir) {
        CliRun r = train(dir.resolve("run"), "--set", "model.dropout=1.5");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(r.err().strip()).isEqualTo("error: model.dropout: is the probability of dropping a unit, in [0, 1); got 1.5");
        assertThat(dir.resolve("run")).doesNotExist();
    }
}
