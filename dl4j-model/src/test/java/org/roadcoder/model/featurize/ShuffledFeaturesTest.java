package org.roadcoder.model.featurize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/** Issue 12: a featurized epoch must not see the saved batches in survey order. */
class ShuffledFeaturesTest {

    @TempDir
    Path dir;

    @Test
    void everyExampleOnceInAnOrderThatChangesWithTheSeed() {
        for (int b = 0; b < 12; b++) { // 12 batches of 4 examples, example k has feature value k
            float[] v = new float[4];
            for (int i = 0; i < 4; i++) {
                v[i] = b * 4 + i;
            }
            FeatureStore.save(new DataSet(Nd4j.create(v, 4, 1), Nd4j.create(v, 4, 1)),
                    FeatureStore.batchFile(dir, b).toFile());
        }
        FeatureStore store = FeatureStore.open(dir);

        List<Integer> inOrder = values(store.iterator());
        List<Integer> epoch1 = values(store.shuffled(1));
        List<Integer> epoch2 = values(store.shuffled(2));

        assertThat(epoch1).hasSize(48).containsExactlyInAnyOrderElementsOf(inOrder).isNotEqualTo(inOrder);
        assertThat(epoch2).containsExactlyInAnyOrderElementsOf(inOrder).isNotEqualTo(epoch1);
        assertThat(values(store.shuffled(1))).isEqualTo(epoch1);
        // examples of one saved batch are spread, not kept together
        assertThat(epoch1.subList(0, 4).stream().map(k -> k / 4).distinct().count()).isGreaterThan(1);
    }

    private static List<Integer> values(DataSetIterator it) {
        List<Integer> out = new ArrayList<>();
        while (it.hasNext()) {
            DataSet ds = it.next();
            assertThat(ds.numExamples()).isEqualTo(4);
            for (float f : ds.getFeatures().toFloatVector()) {
                out.add((int) f);
            }
        }
        return out;
    }
}
