package org.roadcoder.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.deeplearning4j.arbiter.optimize.config.OptimizationConfiguration;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.deeplearning4j.arbiter.ui.data.GlobalConfigPersistable;
import org.deeplearning4j.arbiter.ui.data.ModelInfoPersistable;
import org.deeplearning4j.arbiter.ui.module.ArbiterModule;
import org.deeplearning4j.core.storage.Persistable;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.stats.api.StatsReport;
import org.deeplearning4j.ui.model.stats.api.StatsType;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.TestDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.model.network.NetworkSpec;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.backbone.Backbone;
import org.roadcoder.model.backbone.BackboneOptions;
import org.roadcoder.model.backbone.WeightsSource;
import org.roadcoder.model.backbone.WeightsSpec;
import org.roadcoder.model.featurize.FeatureStore;
import org.roadcoder.model.featurize.Featurizer;
import org.roadcoder.model.loss.LossKind;
import org.roadcoder.model.transfer.HeadOptions;

/** Searches on a tiny frozen VGG11-BN (32 px, 1/16 width) over features computed once. */
class HeadSearchTest {

    private static final OutputLayout LAYOUT = OutputLayout.builder().flag("urban").exclusive("curvature", 3)
            .flag("lighting").build();
    private static final BackboneOptions TINY = new BackboneOptions(32, 32, 1.0 / 16, 7);
    private static final HeadOptions BASE = HeadOptions.defaults().withFreezeUpTo(NetworkSpec.FEATURES);
    private static final SearchSpace SPACE = SearchSpace.defaults().withHidden(8, 64);

    @TempDir
    static Path dir;
    private static FeatureStore train;
    private static FeatureStore validation;

    @BeforeAll
    static void featurizeOnce() throws Exception {
        ComputationGraph net = network(BASE);
        Featurizer f = new Featurizer(net);
        train = f.featurize(data(32, 1), dir.resolve("train"));
        validation = f.featurize(data(16, 2), dir.resolve("validation"));
    }

    static ComputationGraph network(HeadOptions head) throws Exception {
        return new NetworkSpec(Backbone.VGG11_BN, TINY, WeightsSpec.parse("random"), LossKind.GROUPED, Map.of(), head)
                .build(LAYOUT, WeightsSource.defaults());
    }

    /** Random images; labels one-hot in the exclusive block, random flags. */
    static DataSetIterator data(int n, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType.FLOAT, n, 3, 32, 32);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, LAYOUT.size());
        for (int i = 0; i < n; i++) {
            y.putScalar(i, 0, i % 2);
            y.putScalar(i, 1 + i % 3, 1);
            y.putScalar(i, 4, (i / 2) % 2);
        }
        return new TestDataSetIterator(new DataSet(x, y), 8);
    }

    private HeadSearch.Builder search(HeadFactory factory) {
        return HeadSearch.builder().setSpace(SPACE).setFactory(factory).setFeatures(train, validation)
                .setLayout(LAYOUT).optBase(BASE);
    }

    @Test
    void randomSearchTriesDistinctValuesInsideTheBoundsAndKeepsTheBest(@TempDir Path out) throws Exception {
        SearchOutcome outcome = search(HeadSearchTest::network)
                .optOptions(SearchOptions.defaults().withMaxCandidates(4).withEpochs(1)).build().run();

        List<CandidateRecord> r = outcome.ranked();
        assertThat(r).hasSize(4).noneMatch(CandidateRecord::failed);
        assertThat(r).allSatisfy(c -> {
            assertThat(c.hidden()).isBetween(8, 64);
            assertThat(c.dropRate()).isBetween(0.0, 0.8);
            assertThat(c.score()).isBetween(0.0, 1.0);
        });
        assertThat(r.stream().map(CandidateRecord::hidden).collect(Collectors.toSet())).hasSize(4);
        assertThat(r.stream().map(CandidateRecord::dropRate).collect(Collectors.toSet())).hasSize(4);
        assertThat(r).extracting(CandidateRecord::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(outcome.best()).isEqualTo(r.get(0));

        File saved = out.resolve("best.zip").toFile();
        ModelSerializer.writeModel(outcome.bestNet(), saved, false);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(saved);
        INDArray p = restored.outputSingle(Nd4j.rand(DataType.FLOAT, 2, 3, 32, 32));
        assertThat(p.shape()).containsExactly(2, LAYOUT.size());
        assertThat(restored.getLayer("fc1").getParam("W").size(1)).isEqualTo(outcome.best().hidden());
    }

    @Test
    void gridSearchCoversTheCornersOfTheSpace() {
        SearchOutcome outcome = search(HeadSearchTest::network).optOptions(SearchOptions.defaults()
                .withStrategy(SearchOptions.Strategy.GRID).withGridSteps(2).withMaxCandidates(10).withEpochs(1))
                .build().run();

        Set<List<Object>> tried = outcome.ranked().stream()
                .map(c -> List.<Object>of(c.hidden(), Math.round(c.dropRate() * 10) / 10.0)).collect(Collectors.toSet());
        assertThat(tried).containsExactlyInAnyOrder(List.of(8, 0.0), List.of(8, 0.8), List.of(64, 0.0), List.of(64, 0.8));
    }

    @Test
    void aFailingCandidateIsRecordedAndTheSearchGoesOn() {
        HeadFactory failsForWideHeads = head -> {
            if (head.hidden() > 20) {
                throw new IllegalStateException("out of memory for hidden " + head.hidden());
            }
            return network(head);
        };
        SearchOutcome outcome = search(failsForWideHeads).optOptions(SearchOptions.defaults()
                .withStrategy(SearchOptions.Strategy.GRID).withGridSteps(2).withMaxCandidates(10).withEpochs(1))
                .build().run();

        assertThat(outcome.ranked()).hasSize(4);
        assertThat(outcome.failures()).isEqualTo(2);
        assertThat(outcome.ranked().subList(2, 4)).allSatisfy(c -> {
            assertThat(c.failed()).isTrue();
            assertThat(c.error()).contains("out of memory for hidden 64");
            assertThat(c.score()).isNaN();
        });
        assertThat(outcome.best().hidden()).isEqualTo(8);
    }

    @Test
    void tableChartsUiSessionsAndArbitersRecordsAreWritten(@TempDir Path out) throws Exception {
        SearchOutcome outcome;
        try (TrainingListeners ui = TrainingListeners.toStatsFile(out.resolve("search-stats.bin"), 2)) {
            outcome = search(HeadSearchTest::network).optListeners(ui)
                    .optOptions(SearchOptions.defaults().withMaxCandidates(2).withEpochs(1)
                            .withScore(SearchOptions.ScoreKind.LOSS).withMaxTime(Duration.ofMinutes(5)))
                    .build().run();
            assertThat(ui.storage().listSessionIDs()).containsExactlyInAnyOrder(
                    TrainingListeners.sessionId(outcome.ranked().get(0).index()),
                    TrainingListeners.sessionId(outcome.ranked().get(1).index()), TrainingListeners.SEARCH_SESSION);
            for (CandidateRecord r : outcome.ranked()) {
                // train's reports: every 2nd iteration, no histograms (their op cost as much as a training step)
                List<Persistable> reports = ui.storage().getAllUpdatesAfter(TrainingListeners.sessionId(r.index()),
                        StatsListener.TYPE_ID, 0);
                assertThat(reports).isNotEmpty().allSatisfy(p -> {
                    StatsReport report = (StatsReport) p;
                    assertThat(report.getIterationCount() % 2).isZero();
                    assertThat(report.getHistograms(StatsType.Parameters)).isNullOrEmpty();
                    assertThat(report.getHistograms(StatsType.Gradients)).isNullOrEmpty();
                    assertThat(report.getHistograms(StatsType.Updates)).isNullOrEmpty();
                    assertThat(report.getStdev(StatsType.Gradients)).isNotEmpty();
                    assertThat(report.getMeanMagnitudes(StatsType.Parameters)).isNotEmpty();
                });
            }
            // what Arbiter's pages read: the search's configuration back from JSON, each candidate's status and score
            String arbiter = ArbiterModule.ARBITER_UI_TYPE_ID;
            OptimizationConfiguration conf = ((GlobalConfigPersistable) ui.storage()
                    .getAllStaticInfos(TrainingListeners.SEARCH_SESSION, arbiter).get(0)).getOptimizationConfiguration();
            assertThat(conf.getCandidateGenerator().getParameterSpace()).isInstanceOf(HeadSpace.class);
            assertThat(conf.getScoreFunction().minimize()).isTrue();
            for (CandidateRecord r : outcome.ranked()) {
                ModelInfoPersistable info = (ModelInfoPersistable) ui.storage().getLatestUpdate(
                        TrainingListeners.SEARCH_SESSION, arbiter, String.valueOf(r.index()));
                assertThat(info.getStatus()).isEqualTo(CandidateStatus.Complete);
                assertThat(info.getScore()).isEqualTo(r.score());
                assertThat(info.getScoreVsIter()).as("score per iteration, from the candidate's network").isNotEmpty();
            }
        }
        ResultsTable.writeCsv(outcome, out.resolve("results.csv"));
        ResultsTable.writeHtml(outcome, out.resolve("results.html"), "search");
        ScoreCharts.write(outcome, out);

        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertThat(csv).hasSize(3).first().isEqualTo(ResultsTable.HEADER);
        assertThat(csv.get(1)).startsWith("1," + outcome.best().index() + "," + outcome.best().hidden() + ",");
        assertThat(outcome.ranked()).extracting(CandidateRecord::score).isSorted();
        assertThat(Files.readString(out.resolve("results.html"))).contains("<tr class=\"best\">")
                .contains("validation loss (lower is better)");
        assertThat(out.resolve("score_vs_hidden.png")).isNotEmptyFile();
        assertThat(out.resolve("score_vs_dropout.png")).isNotEmptyFile();
    }
}
