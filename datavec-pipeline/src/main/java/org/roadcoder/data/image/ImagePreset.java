package org.roadcoder.data.image;

import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.data.DataException;

/**
 * Named input normalisations, shared by training and prediction so the two cannot drift. Input is
 * what {@link FrameImageLoader} produces: RGB, channels first, 0-255. Pick the preset the weights
 * were trained with.
 */
public enum ImagePreset implements DataSetPreProcessor {

    /**
     * ImageNet VGG as trained in Caffe/Keras (DL4J zoo VGG16/VGG19, Keras {@code .h5}): channels
     * reordered to BGR and the BGR means 103.939, 116.779, 123.68 subtracted, as Keras'
     * {@code preprocess_input} and DL4J's {@code VGG16ImagePreProcessor} do. The default.
     */
    VGG("vgg", new double[] {103.939, 116.779, 123.68}, new double[] {1, 1, 1}, 1.0, true),
    /** torchvision ImageNet weights (ONNX exports): RGB / 255, then (x - mean) / std per channel. */
    TORCHVISION("torchvision", new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225}, 1 / 255.0, false),
    /** Networks trained from scratch: RGB scaled to [0, 1]. */
    UNIT("unit", new double[] {0, 0, 0}, new double[] {1, 1, 1}, 1 / 255.0, false);

    private final String id;
    private final double[] mean;
    private final double[] std;
    private final double scale;
    private final boolean bgr;

    ImagePreset(String id, double[] mean, double[] std, double scale, boolean bgr) {
        this.id = id;
        this.mean = mean;
        this.std = std;
        this.scale = scale;
        this.bgr = bgr;
    }

    /** The name used in configuration files and on the command line. */
    public String id() {
        return id;
    }

    public static ImagePreset fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new DataException(null, "unknown image preset '" + id + "'; known: "
                        + String.join(", ", Arrays.stream(values()).map(ImagePreset::id).toList())));
    }

    /** Normalises a batch {@code [n, 3, h, w]} of RGB 0-255 images in place. */
    public void normalise(INDArray images) {
        if (images.rank() != 4 || images.size(1) != 3) {
            throw new IllegalArgumentException("expected [n, 3, h, w] images, got " + Arrays.toString(images.shape()));
        }
        if (bgr) {
            INDArray red = images.get(all(), point(0)).dup();
            images.get(all(), point(0)).assign(images.get(all(), point(2)));
            images.get(all(), point(2)).assign(red);
        }
        if (scale != 1.0) {
            images.muli(scale);
        }
        INDArray m = Nd4j.createFromArray(mean).castTo(images.dataType()).reshape(1, 3, 1, 1);
        INDArray s = Nd4j.createFromArray(std).castTo(images.dataType()).reshape(1, 3, 1, 1);
        images.subi(m.broadcast(images.shape())).divi(s.broadcast(images.shape()));
    }

    @Override
    public void preProcess(DataSet dataSet) {
        normalise(dataSet.getFeatures());
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex all() {
        return org.nd4j.linalg.indexing.NDArrayIndex.all();
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex point(long i) {
        return org.nd4j.linalg.indexing.NDArrayIndex.point(i);
    }
}
