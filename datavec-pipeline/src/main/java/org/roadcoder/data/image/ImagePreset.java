package org.roadcoder.data.image;

import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.data.DataException;

/**
 * Named input normalisations, shared by training and prediction so the two cannot drift. Each
 * preset says which channel order its weights expect ({@link #channelOrder()}); a
 * {@link FrameImageLoader} made by {@link #loader(int, int)} produces that order directly, values 0-255,
 * channels first, and {@link #normalise(INDArray)} finishes the job in place.
 */
public enum ImagePreset implements DataSetPreProcessor {

    /**
     * ImageNet VGG as trained in Caffe/Keras (DL4J zoo VGG16/VGG19, Keras {@code .h5}): BGR channels
     * with the BGR means 103.939, 116.779, 123.68 subtracted, as Keras' {@code preprocess_input} and
     * DL4J's {@code VGG16ImagePreProcessor} do. The default.
     */
    VGG("vgg", ChannelOrder.BGR, new double[] {103.939, 116.779, 123.68}, new double[] {1, 1, 1}, 1.0),
    /** torchvision ImageNet weights (ONNX exports): RGB / 255, then (x - mean) / std per channel. */
    TORCHVISION("torchvision", ChannelOrder.RGB, new double[] {0.485, 0.456, 0.406},
            new double[] {0.229, 0.224, 0.225}, 1 / 255.0),
    /** Networks trained from scratch: RGB scaled to [0, 1]. */
    UNIT("unit", ChannelOrder.RGB, new double[] {0, 0, 0}, new double[] {1, 1, 1}, 1 / 255.0);

    private final String id;
    private final ChannelOrder order;
    private final double[] mean;
    private final double[] std;
    private final double scale;

    ImagePreset(String id, ChannelOrder order, double[] mean, double[] std, double scale) {
        this.id = id;
        this.order = order;
        this.mean = mean;
        this.std = std;
        this.scale = scale;
    }

    /** The name used in configuration files and on the command line. */
    public String id() {
        return id;
    }

    /** The channel order the preset's weights expect, and {@link #normalise(INDArray)} assumes. */
    public ChannelOrder channelOrder() {
        return order;
    }

    /** A loader producing this preset's channel order at the given size. */
    public FrameImageLoader loader(int height, int width) {
        return new FrameImageLoader(height, width, order);
    }

    public static ImagePreset fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new DataException(null, "unknown image preset '" + id + "'; known: "
                        + String.join(", ", Arrays.stream(values()).map(ImagePreset::id).toList())));
    }

    /** Normalises a batch {@code [n, 3, h, w]} of 0-255 images, in {@link #channelOrder()}, in place. */
    public void normalise(INDArray images) {
        if (images.rank() != 4 || images.size(1) != 3) {
            throw new IllegalArgumentException("expected [n, 3, h, w] images, got " + Arrays.toString(images.shape()));
        }
        if (scale != 1.0) {
            images.muli(scale);
        }
        Broadcast.sub(images, Nd4j.createFromArray(mean).castTo(images.dataType()), images, 1);
        if (std[0] != 1 || std[1] != 1 || std[2] != 1) {
            Broadcast.div(images, Nd4j.createFromArray(std).castTo(images.dataType()), images, 1);
        }
    }

    @Override
    public void preProcess(DataSet dataSet) {
        normalise(dataSet.getFeatures());
    }
}
