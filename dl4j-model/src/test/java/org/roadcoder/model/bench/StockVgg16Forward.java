package org.roadcoder.model.bench;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.zoo.model.VGG16;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import java.util.Arrays;

/**
 * Stock DL4J zoo VGG16 (1000 classes, 4096-wide classifier) forward at batch 8, 224 px: the network
 * DESIGN.md's inference ratio was measured on. Pair with {@code stock_vgg16_forward.py}. Run from the
 * repository root: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -Dorg.eclipse.deeplearning4j.helpers.disable=false
 * -cp dl4j-model/target/test-classes:dl4j-model/target/classes:$(cat cp.txt) org.roadcoder.model.bench.StockVgg16Forward}.
 */
public final class StockVgg16Forward {

    private StockVgg16Forward() {
    }

    public static void main(String[] a) {
        ComputationGraph net = VGG16.builder().numClasses(1000).build().init();
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 3, 224, 224);
        double[] t = new double[7];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            net.outputSingle(false, x);
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        double[] timed = Arrays.copyOfRange(t, 2, t.length);
        Arrays.sort(timed);
        System.out.printf("DL4J zoo VGG16 (stock 1000-class head) forward, batch 8: %.2f img/s (median of %d, %s s)%n",
                8 / timed[timed.length / 2], timed.length, Arrays.toString(timed));
    }
}
