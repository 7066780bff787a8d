package org.roadcoder.model.featurize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.TestLayouts;
import org.roadcoder.model.backbone.Backbone;
import org.roadcoder.model.backbone.BackboneGraph;
import org.roadcoder.model.backbone.BackboneOptions;
import org.roadcoder.model.loss.LossKind;
import org.roadcoder.model.transfer.HeadOptions;
import org.roadcoder.model.transfer.TransferHead;

class FeaturizedTrainingTest {

    private static final OutputLayout LAYOUT = TestLayouts.small();

    @Test
    void headFittedFromSavedFeaturesGivesTheSameOutputsInsideTheWholeNetwork(@TempDir Path dir) {
        ComputationGraph net = frozenNet();
        List<DataSet> images = images(10, 5);
        INDArray frozenBefore = net.getParam("conv5_2_W").dup();
        INDArray headBefore = net.getParam("fc1_W").dup();

        FeatureStore store = new Featurizer(net).featurize(new ListDataSetIterator<>(images, 4), dir.resolve("f"));
        assertThat(store.batches()).isEqualTo(3);
        assertThat(store.examples()).isEqualTo(10);
        assertThat(FeatureStore.open(dir.resolve("f"))).isEqualTo(store);

        HeadTrainer trainer = new HeadTrainer(net);
        trainer.fit(store, 3);

        assertThat(net.getParam("fc1_W")).as("fitted parameters reach the whole network").isNotEqualTo(headBefore);
        assertThat(net.getParam("conv5_2_W")).isEqualTo(frozenBefore);
        DataSet first = store.iterator().next();
        INDArray x = Nd4j.concat(0, images.get(0).getFeatures(), images.get(1).getFeatures(),
                images.get(2).getFeatures(), images.get(3).getFeatures());
        INDArray whole = net.outputSingle(x);
        INDArray head = trainer.head().outputSingle(first.getFeatures());
        assertThat(head.shape()).containsExactly(4, 7);
        assertThat(whole.equalsWithEps(head, 1e-5)).as("whole %s vs head %s", whole, head).isTrue();
        assertThat(trainer.outputFromFeatures(first.getFeatures()).equalsWithEps(whole, 1e-5)).isTrue();
    }

    @Test
    void featuresComputedOnceServeHeadsOfAnySize(@TempDir Path dir) {
        BackboneGraph backbone = Backbone.VGG11_BN.build(new BackboneOptions(32, 32, 1.0 / 16, 2));
        FeatureStore store = new Featurizer(frozenHead(backbone, 6))
                .featurize(new ListDataSetIterator<>(images(6, 7), 3), dir);
        ComputationGraph other = frozenHead(backbone, 3);
        HeadTrainer trainer = new HeadTrainer(other);
        trainer.fit(store, 2);

        DataSet first = store.iterator().next();
        INDArray x = Nd4j.concat(0, images(6, 7).subList(0, 3).stream().map(DataSet::getFeatures)
                .toArray(INDArray[]::new));
        assertThat(other.outputSingle(x).equalsWithEps(trainer.head().outputSingle(first.getFeatures()), 1e-5)).isTrue();
    }

    @Test
    void featuresAreTheFrozenPartsOutputFlattenedByTheHead(@TempDir Path dir) {
        ComputationGraph net = frozenNet();
        List<DataSet> images = images(2, 6);
        FeatureStore store = new Featurizer(net).featurize(new ListDataSetIterator<>(images, 2), dir);
        DataSet saved = store.iterator().next();
        INDArray pool5 = net.feedForward(Nd4j.concat(0, images.get(0).getFeatures(), images.get(1).getFeatures()),
                false).get("pool5");
        assertThat(saved.getFeatures().equalsWithEps(pool5, 1e-6)).isTrue();
        assertThat(saved.getLabels()).isEqualTo(Nd4j.concat(0, images.get(0).getLabels(), images.get(1).getLabels()));
    }

    @Test
    void refusesNetworksWithoutAFrozenBackboneAndNonEmptyFolders(@TempDir Path dir) throws Exception {
        BackboneGraph backbone = Backbone.VGG11_BN.build(new BackboneOptions(32, 32, 1.0 / 32, 1));
        ComputationGraph trainable = TransferHead.attach(backbone, LAYOUT, LossKind.BCE.create(LAYOUT),
                HeadOptions.defaults().withHidden(4));
        assertThatThrownBy(() -> new Featurizer(trainable)).hasMessageContaining("withFreezeUpTo");
        Files.writeString(dir.resolve("other.txt"), "x");
        assertThatThrownBy(() -> new Featurizer(frozenNet()).featurize(new ListDataSetIterator<>(images(1, 1)), dir))
                .hasMessageContaining("not empty");
        assertThatThrownBy(() -> FeatureStore.open(dir)).hasMessageContaining("no feature files");
    }

    private static ComputationGraph frozenNet() {
        return frozenHead(Backbone.VGG11_BN.build(new BackboneOptions(32, 32, 1.0 / 16, 2)), 6);
    }

    private static ComputationGraph frozenHead(BackboneGraph backbone, int hidden) {
        return TransferHead.attach(backbone, LAYOUT, LossKind.GROUPED.create(LAYOUT), HeadOptions.defaults()
                .withHidden(hidden).withLearningRates(1e-4, 5e-2).withFreezeUpTo(backbone.features()));
    }

    /** One-example data sets, so tests can regroup them into any batch size. */
    private static List<DataSet> images(int n, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray labels = TestLayouts.randomLabels(LAYOUT, n, seed, DataType.FLOAT);
        List<DataSet> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new DataSet(Nd4j.rand(DataType.FLOAT, 1, 3, 32, 32), labels.getRow(i, true)));
        }
        return list;
    }
}
