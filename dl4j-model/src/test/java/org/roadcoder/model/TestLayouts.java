package org.roadcoder.model;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Output layouts and label arrays the tests share. */
public final class TestLayouts {

    private TestLayouts() {
    }

    /** Seven outputs: flag, 3-way block, flag, 2-way block. */
    public static OutputLayout small() {
        return OutputLayout.builder().flag("urban").exclusive("curvature", 3).flag("lighting").exclusive("lanes", 2)
                .build();
    }

    /** The default schema's 28 outputs (data/labels.yaml). */
    public static OutputLayout roadcoder() {
        return OutputLayout.builder().flag("area_type").exclusive("curvature", 3).exclusive("bicycle_facilities", 3)
                .exclusive("lane_width", 3).exclusive("median_type", 10).exclusive("number_of_lanes", 3)
                .flag("street_lighting").flag("sidewalk").flag("roadside_trees").flag("pedestrian_crossing")
                .flag("intersection").build();
    }

    /** Valid random labels: 0/1 flags, one-hot exclusive blocks. */
    public static INDArray randomLabels(OutputLayout layout, int rows, long seed, DataType type) {
        Random random = new Random(seed);
        INDArray labels = Nd4j.zeros(type, rows, layout.size());
        for (int r = 0; r < rows; r++) {
            for (OutputLayout.Block b : layout.blocks()) {
                if (b.kind() == OutputLayout.Kind.SIGMOID) {
                    labels.putScalar(r, b.offset(), random.nextBoolean() ? 1 : 0);
                } else {
                    labels.putScalar(r, b.offset() + random.nextInt(b.size()), 1);
                }
            }
        }
        return labels;
    }
}
