package org.roadcoder.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.roadcoder.app.TestSurveys;
import org.roadcoder.app.run.Provenance;
import org.roadcoder.app.run.RunFolder;
import org.roadcoder.app.train.Checkpoints;
import org.roadcoder.data.csv.CsvTable;

/** spark-train in local[2] against train on the same tiny survey, network and seed. */
class SparkTrainTest {

    @TempDir
    static Path shared;
    static Path survey;
    static Path config;
    static String schema;

    @BeforeAll
    static void survey() throws IOException {
        // 8 roads of 3 segments of 4 frames: 4 roads (48 frames, 6 batches of 8) train, 2 validate, 2 test
        survey = TestSurveys.write(shared.resolve("survey"), 8, 3, 4);
        config = TestSurveys.tinyConfig(shared);
        schema = TestSurveys.repoRoot().resolve("data/labels.yaml").toString();
    }

    static SparkCli train(String command, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(command, survey.toString(), "--schema", schema, "--config",
                config.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        SparkCli r = SparkCli.of(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    static ComputationGraph model(Path run) {
        return Checkpoints.restoreModel(new RunFolder(run).model());
    }

    static List<Double> losses(Path run) {
        CsvTable h = CsvTable.read(new RunFolder(run).history());
        return h.rows().stream().map(r -> Double.parseDouble(h.cell(r, "train_loss"))).toList();
    }

    @Test
    void oneWorkerTrainsAsTheLocalTrainerUpToTheOrderOfItsMinibatches() {
        // no dropout: its masks come from each JVM thread's own random stream, which the two sides do not share
        Path local = shared.resolve("local-1");
        train("train", local, "--epochs", "1", "--set", "model.dropout=0");
        INDArray a = model(local).params();

        // one averaging round for the epoch's 6 minibatches: the worker fits them in the local order, so the
        // parameters (batch-norm statistics included) are the local ones
        Path once = shared.resolve("spark-once");
        train("spark-train", once, "--epochs", "1", "--set", "model.dropout=0", "--master", "local[1]",
                "--averaging-frequency", "6");
        assertThat(relativeDifference(a, model(once).params())).isLessThan(1e-6);

        // averaging after every minibatch: DL4J deals the minibatches out to the rounds at random, so the same 6
        // minibatches are fitted in another order (measured: loss 10.04 against 10.17, parameters 18% apart in norm,
        // most of it the batch-norm running statistics, which are order-dependent moving averages)
        Path every = shared.resolve("spark-every");
        train("spark-train", every, "--epochs", "1", "--set", "model.dropout=0", "--master", "local[1]",
                "--averaging-frequency", "1");
        assertThat(losses(every).get(0)).isCloseTo(losses(local).get(0), within(0.3));
        assertThat(relativeDifference(a, model(every).params())).isLessThan(0.3);
    }

    @Test
    void aCorruptImageFailsTheRunWithTrainsErrorNamingTheFrame(@TempDir Path tmp) throws IOException {
        // every road's second frame is corrupt, so whichever roads the split trains on, an epoch meets one
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        SparkPredictTest.copy(survey, bad);
        for (int road = 0; road < 8; road++) {
            Files.writeString(bad.resolve("images/r" + road + "s0f1.png"), "not a png");
        }
        List<String> common = List.of(bad.toString(), "--schema", schema, "--config", config.toString(), "--epochs", "1");
        SparkCli local = SparkCli.of(args("train", common, "--out", tmp.resolve("local").toString()));
        SparkCli spark = SparkCli.of(args("spark-train", common, "--out", tmp.resolve("spark").toString(), "--master",
                "local[2]", "--averaging-frequency", "1"));
        assertThat(local.exitCode()).isNotZero();
        assertThat(spark.exitCode()).as(spark.err()).isEqualTo(local.exitCode());
        assertThat(spark.err()).contains("s0f1").isEqualTo(local.err());
        assertThat(tmp.resolve("spark/model.zip")).doesNotExist();
    }

    static String[] args(String command, List<String> common, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of(command));
        a.addAll(common);
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    static double relativeDifference(INDArray a, INDArray b) {
        return a.sub(b).norm2Number().doubleValue() / a.norm2Number().doubleValue();
    }

    @Test
    void twoWorkersCodeTheSurveyAboutAsWellAsTheLocalTrainerAndResume() {
        Path local = shared.resolve("local-3");
        Path spark = shared.resolve("spark-3");
        train("train", local, "--epochs", "3");
        SparkCli first = train("spark-train", spark, "--epochs", "2", "--master", "local[2]", "--averaging-frequency", "1");
        assertThat(first.out()).contains("epoch 1/2: loss").contains("epoch 2/2: loss");
        SparkCli resumed = SparkCli.of("spark-train", "--resume", "--out", spark.toString(), "--epochs", "3", "--master",
                "local[2]", "--averaging-frequency", "1");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming").contains("epoch 3/3: loss");

        List<Double> sparkLoss = losses(spark);
        Provenance p = Provenance.read(new RunFolder(spark).provenance());
        Provenance q = Provenance.read(new RunFolder(local).provenance());
        assertThat(sparkLoss).hasSize(3);
        assertThat(sparkLoss.get(2)).isLessThan(sparkLoss.get(0));
        assertThat(p.trainedOn()).containsEntry("master", "local[2]").containsEntry("workers", "2")
                .containsEntry("averaging_frequency", "1");
        assertThat(p.commandLine()).hasSize(2);
        // measured 0.546 against the local 0.579: two workers averaged make half the local number of updates per
        // epoch; on 24 validation frames one frame more or less right moves the score by a few hundredths
        assertThat(p.bestMacroF1()).isGreaterThan(q.bestMacroF1() - 0.1);

        // the run folder is a run folder: the local commands read it unchanged
        SparkCli predicted = SparkCli.of("predict", spark.toString(), survey.toString(), "--out",
                shared.resolve("coded").toString());
        assertThat(predicted.exitCode()).as(predicted.err()).isZero();
        SparkCli evaluated = SparkCli.of("evaluate", spark.toString(), survey.toString());
        assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();
    }
}
