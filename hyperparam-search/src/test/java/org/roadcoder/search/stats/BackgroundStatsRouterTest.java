package org.roadcoder.search.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.core.storage.Persistable;
import org.deeplearning4j.core.storage.StatsStorageRouter;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.stats.impl.SbeStatsReport;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.deeplearning4j.ui.model.storage.InMemoryStatsStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The training UI's reports, written from a background thread: all of them, in order, and failures not lost. */
class BackgroundStatsRouterTest {

    @Test
    void theStatsFileHoldsTheSameReportsAsWhenWrittenInPlace(@TempDir Path dir) {
        FileStatsStorage direct = new FileStatsStorage(dir.resolve("direct.dl4j").toFile());
        train(direct);
        FileStatsStorage file = new FileStatsStorage(dir.resolve("ui-stats.dl4j").toFile());
        BackgroundStatsRouter router = new BackgroundStatsRouter(file);
        train(router);
        router.close();

        List<Persistable> expected = updates(direct);
        List<Persistable> updates = updates(file);
        // one report every 5 of the 12 iterations: the score chart's points
        assertThat(expected).hasSizeGreaterThanOrEqualTo(2);
        assertThat(updates).hasSameSizeAs(expected);
        assertThat(updates).extracting(Persistable::getTimeStamp).isSorted();
        assertThat(file.getAllStaticInfos(file.listSessionIDs().get(0), StatsListener.TYPE_ID)).hasSize(1);
        direct.close();
        file.close();
    }

    private static void train(StatsStorageRouter router) {
        ComputationGraph net = tinyNetwork();
        net.setListeners(new StatsListener(router, 5));
        DataSet data = new DataSet(Nd4j.rand(DataType.FLOAT, 8, 4), Nd4j.rand(DataType.FLOAT, 8, 2));
        for (int i = 0; i < 12; i++) {
            net.fit(data);
        }
        net.setListeners();
    }

    private static List<Persistable> updates(FileStatsStorage file) {
        return file.getAllUpdatesAfter(file.listSessionIDs().get(0), StatsListener.TYPE_ID, 0);
    }

    @Test
    void theCallerDoesNotWaitForASlowStorage() {
        InMemoryStatsStorage slow = new InMemoryStatsStorage() {
            @Override
            public void putUpdate(Persistable update) {
                sleep(400);
                super.putUpdate(update);
            }
        };
        BackgroundStatsRouter router = new BackgroundStatsRouter(slow);
        long t0 = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            router.putUpdate(report(i));
        }
        double handOver = (System.nanoTime() - t0) / 1e9;
        router.close();
        // written in place, the five reports would have taken 2 s
        assertThat(handOver).isLessThan(1.0);
        assertThat(slow.getAllUpdatesAfter("s", "t", "w", -1)).extracting(Persistable::getTimeStamp)
                .containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void flushWaitsForEveryReportHandedOverEvenWhenTheQueueIsFull() {
        InMemoryStatsStorage slow = new InMemoryStatsStorage() {
            @Override
            public void putUpdate(Persistable update) {
                sleep(2);
                super.putUpdate(update);
            }
        };
        BackgroundStatsRouter router = new BackgroundStatsRouter(slow);
        int n = BackgroundStatsRouter.BACKLOG * 2;
        for (int i = 0; i < n; i++) {
            router.putUpdate(report(i));
        }
        router.flush();
        assertThat(slow.getAllUpdatesAfter("s", "t", "w", -1)).hasSize(n);
        router.putUpdate(report(n));
        router.close();
        assertThat(slow.getAllUpdatesAfter("s", "t", "w", -1)).hasSize(n + 1);
    }

    @Test
    void aFailedWriteIsThrownAtTheNextReportOrAtClose() {
        IllegalStateException diskFull = new IllegalStateException("disk full");
        InMemoryStatsStorage failing = new InMemoryStatsStorage() {
            @Override
            public void putUpdate(Persistable update) {
                throw diskFull;
            }
        };
        BackgroundStatsRouter router = new BackgroundStatsRouter(failing);
        router.putUpdate(report(0));
        assertThatThrownBy(router::close).isSameAs(diskFull);
    }

    private static SbeStatsReport report(long timestamp) {
        SbeStatsReport r = new SbeStatsReport();
        r.reportIDs("s", "t", "w", timestamp);
        return r;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ComputationGraph tinyNetwork() {
        ComputationGraph net = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-3))
                .graphBuilder().addInputs("in")
                .addLayer("dense", new DenseLayer.Builder().nIn(4).nOut(3).activation(Activation.RELU).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(3).nOut(2)
                        .activation(Activation.SIGMOID).build(), "dense")
                .setOutputs("out").build());
        net.init();
        return net;
    }
}
