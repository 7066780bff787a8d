package org.roadcoder.model.segment;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.model.OutputLayout;

/**
 * Segments of ten 32x32 frames where a point object is what segment labels hide: in a "crossing"
 * segment (4 in 5 of them) a striped patch shows in 2 of the 10 frames; the other 8 look exactly like
 * the frames of segments without one. Each segment also has a tone (dark or light background) on
 * every frame, an exclusive group. Frame truth says which frames show the patch.
 *
 * @param frames     {@code [segments * 10, 3, 32, 32]}, segment after segment
 * @param mask       {@code [segments, 10]}, all ones
 * @param segmentY   segment labels {@code [segments, 3]}: crossing, tone dark, tone light
 * @param frameTruth crossing per frame
 */
record SyntheticSegments(INDArray frames, INDArray mask, INDArray segmentY, boolean[] frameTruth) {

    static final int FRAMES = 10;
    static final int SIZE = 32;
    static final OutputLayout LAYOUT = OutputLayout.builder().flag("crossing").exclusive("tone", 2).build();

    static SyntheticSegments make(int segments, long seed) {
        Random r = new Random(seed);
        float[] pixels = new float[segments * FRAMES * 3 * SIZE * SIZE];
        float[][] y = new float[segments][3];
        boolean[] truth = new boolean[segments * FRAMES];
        for (int s = 0; s < segments; s++) {
            boolean crossing = r.nextDouble() < 0.8;
            boolean light = r.nextBoolean();
            y[s][0] = crossing ? 1 : 0;
            y[s][light ? 2 : 1] = 1;
            int first = r.nextInt(FRAMES - 1);
            for (int t = 0; t < FRAMES; t++) {
                int frame = s * FRAMES + t;
                truth[frame] = crossing && (t == first || t == first + 1);
                int px = r.nextInt(SIZE - 12);
                int py = r.nextInt(SIZE - 12);
                for (int c = 0; c < 3; c++) {
                    for (int i = 0; i < SIZE; i++) {
                        for (int j = 0; j < SIZE; j++) {
                            double v = (light ? 0.6 : 0.3) + 0.1 * r.nextGaussian();
                            boolean patch = truth[frame] && i >= py && i < py + 12 && j >= px && j < px + 12;
                            if (patch) {
                                v = (i - py) / 2 % 2 == 0 ? 1.0 : 0.0;
                            }
                            pixels[((frame * 3 + c) * SIZE + i) * SIZE + j] = (float) v;
                        }
                    }
                }
            }
        }
        INDArray frames = Nd4j.create(pixels, new long[] {segments * FRAMES, 3, SIZE, SIZE}, 'c');
        return new SyntheticSegments(frames, Nd4j.ones(DataType.FLOAT, segments, FRAMES), Nd4j.createFromArray(y),
                truth);
    }

    int segments() {
        return (int) segmentY.size(0);
    }

    /** Each frame with its segment's labels, as frame-level training sees them. */
    INDArray frameY() {
        return segmentY.repeat(0, FRAMES);
    }

    /** Frames [from, to) of segments. */
    INDArray framesOf(int from, int to) {
        return frames.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from * FRAMES, to * FRAMES));
    }

    /** Share of frames whose tone (columns 1-2) is their segment's. */
    double toneAccuracy(INDArray probabilities) {
        double[][] p = probabilities.toDoubleMatrix();
        double[][] y = frameY().toDoubleMatrix();
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            right += (p[i][2] > p[i][1]) == (y[i][2] > y[i][1]) ? 1 : 0;
        }
        return right / (double) p.length;
    }

    /** F1 of "crossing" on frames given the frame probabilities (column 0) at threshold 0.5. */
    double frameF1(INDArray probabilities) {
        double[] p = probabilities.getColumn(0).toDoubleVector();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < p.length; i++) {
            boolean predicted = p[i] >= 0.5;
            tp += predicted && frameTruth[i] ? 1 : 0;
            fp += predicted && !frameTruth[i] ? 1 : 0;
            fn += !predicted && frameTruth[i] ? 1 : 0;
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
