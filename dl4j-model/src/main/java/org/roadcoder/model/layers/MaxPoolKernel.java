package org.roadcoder.model.layers;

import java.nio.FloatBuffer;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * Max pooling without padding or dilation (VGG's 2x2, stride 2), forward and backward, over the arrays'
 * float buffers, in parallel over planes (NCHW) or rows (NHWC). The backward pass reads the argmax from
 * the input the training workspace kept and writes every input gradient once (the maximum's share, zero
 * elsewhere): one pass, where libnd4j's {@code maxpool2d_bp} reorders to and from oneDNN's blocked layout
 * and recomputes the pooling (13x PyTorch's time in a 1/4-width VGG11-BN step, {@code docs/performance.md}).
 * Ties go to the first maximum in row-major window order, as in libnd4j's own pooling.
 */
final class MaxPoolKernel {

    private final int kh;
    private final int kw;
    private final int sh;
    private final int sw;
    private final boolean nhwc;

    MaxPoolKernel(int[] kernel, int[] stride, CNN2DFormat format) {
        this.kh = kernel[0];
        this.kw = kernel[1];
        this.sh = stride[0];
        this.sw = stride[1];
        this.nhwc = format == CNN2DFormat.NHWC;
    }

    /** Whether the kernel can read and write these arrays directly: rank-4 float, C order, dense. */
    static boolean fits(INDArray a) {
        return a != null && a.rank() == 4 && a.dataType() == DataType.FLOAT && a.ordering() == 'c'
                && Shape.hasDefaultStridesForShape(a) && a.length() < Integer.MAX_VALUE;
    }

    /** Output height and width for {@code input} (truncating, as DL4J's Truncate mode does). */
    long[] outputShape(INDArray input) {
        long n = input.size(0);
        long c = input.size(nhwc ? 3 : 1);
        long oh = (input.size(nhwc ? 1 : 2) - kh) / sh + 1;
        long ow = (input.size(nhwc ? 2 : 3) - kw) / sw + 1;
        return nhwc ? new long[] {n, oh, ow, c} : new long[] {n, c, oh, ow};
    }

    /** {@code out} = max pooling of {@code in}; {@code out} has {@link #outputShape}. */
    void forward(INDArray in, INDArray out) {
        run(in, null, out, false);
    }

    /** {@code dx} = the gradient at the input of the pooling of {@code in}, given {@code eps} at its output. */
    void backward(INDArray in, INDArray eps, INDArray dx) {
        run(in, eps, dx, true);
    }

    private void run(INDArray in, INDArray eps, INDArray target, boolean backward) {
        FloatBuffer x = floats(in);
        FloatBuffer e = backward ? floats(eps) : null;
        FloatBuffer t = floats(target);
        int n = (int) in.size(0);
        int c = (int) in.size(nhwc ? 3 : 1);
        int h = (int) in.size(nhwc ? 1 : 2);
        int w = (int) in.size(nhwc ? 2 : 3);
        int oh = (h - kh) / sh + 1;
        int ow = (w - kw) / sw + 1;
        // windows that tile the input exactly: each input gradient is written once; otherwise zero, then add
        boolean add = backward && (sh != kh || sw != kw || h != oh * sh || w != ow * sw);
        if (add) {
            for (int i = 0, len = (int) target.length(); i < len; i++) {
                t.put(i, 0f);
            }
        }
        if (nhwc) {
            IntStream.range(0, n * oh).parallel().forEach(r -> rowNhwc(x, e, t, r / oh, r % oh, c, h, w, oh, ow,
                    backward, add));
        } else {
            IntStream.range(0, n * c).parallel().forEach(p -> planeNchw(x, e, t, p, h, w, oh, ow, backward, add));
        }
    }

    private void planeNchw(FloatBuffer x, FloatBuffer e, FloatBuffer t, int plane, int h, int w, int oh, int ow,
            boolean backward, boolean add) {
        int xo = plane * h * w;
        int oo = plane * oh * ow;
        for (int i = 0; i < oh; i++) {
            for (int j = 0; j < ow; j++) {
                int top = xo + i * sh * w + j * sw;
                int best = top;
                float max = x.get(top);
                for (int a = 0; a < kh; a++) {
                    for (int b = 0; b < kw; b++) {
                        int k = top + a * w + b;
                        float v = x.get(k);
                        if (v > max) {
                            max = v;
                            best = k;
                        }
                    }
                }
                if (!backward) {
                    t.put(oo + i * ow + j, max);
                } else if (add) {
                    t.put(best, t.get(best) + e.get(oo + i * ow + j));
                } else {
                    for (int a = 0; a < kh; a++) {
                        for (int b = 0; b < kw; b++) {
                            t.put(top + a * w + b, 0f);
                        }
                    }
                    t.put(best, e.get(oo + i * ow + j));
                }
            }
        }
    }

    private void rowNhwc(FloatBuffer x, FloatBuffer e, FloatBuffer t, int image, int i, int c, int h, int w, int oh,
            int ow, boolean backward, boolean add) {
        int xo = image * h * w * c;
        int oo = (image * oh + i) * ow * c;
        for (int j = 0; j < ow; j++) {
            int top = xo + (i * sh * w + j * sw) * c;
            for (int ch = 0; ch < c; ch++) {
                int best = top + ch;
                float max = x.get(best);
                for (int a = 0; a < kh; a++) {
                    for (int b = 0; b < kw; b++) {
                        int k = top + (a * w + b) * c + ch;
                        float v = x.get(k);
                        if (v > max) {
                            max = v;
                            best = k;
                        }
                    }
                }
                int o = oo + j * c + ch;
                if (!backward) {
                    t.put(o, max);
                } else if (add) {
                    t.put(best, t.get(best) + e.get(o));
                } else {
                    for (int a = 0; a < kh; a++) {
                        for (int b = 0; b < kw; b++) {
                            t.put(top + (a * w + b) * c + ch, 0f);
                        }
                    }
                    t.put(best, e.get(o));
                }
            }
        }
    }

    /**
     * The array's elements as a float buffer whose index 0 is the array's first element: ND4J positions the
     * buffer of a view (a batch slice) at the view's offset.
     */
    private static FloatBuffer floats(INDArray a) {
        FloatBuffer from = a.data().asNioFloat().slice();
        if (from.capacity() < a.length()) {
            throw new IllegalStateException("array of " + a.length() + " elements over a buffer of " + from.capacity());
        }
        return from;
    }
}
