package org.roadcoder.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.roadcoder.data.DataException;
import org.roadcoder.data.TinySurvey;

class FrameImageLoaderTest {

    private final FrameImageLoader loader = new FrameImageLoader(16, 20);

    @Test
    void loadsRgbChannelsFirstAtTheConfiguredSize() {
        INDArray red = loader.load(TinySurvey.source().resolve("images/red.png"));
        INDArray green = loader.load(TinySurvey.source().resolve("images/green.png"));

        assertThat(red.shape()).containsExactly(1, 3, 16, 20);
        assertThat(channelMeans(red)).containsExactly(255.0, 0.0, 0.0);
        assertThat(channelMeans(green)).containsExactly(0.0, 255.0, 0.0);
    }

    @Test
    void decodesJpeg() {
        INDArray blue = loader.load(TinySurvey.source().resolve("images/blue.jpg"));
        double[] m = channelMeans(blue);
        assertThat(m[2]).isGreaterThan(240);
        assertThat(m[0]).isLessThan(15);
        assertThat(m[1]).isLessThan(15);
    }

    @Test
    void randomCropKeepsSizeAndIsReproducible() {
        Path img = TinySurvey.source().resolve("images/red.png");
        Augmentation crop = new Augmentation(0.3, 0, 0, 0);
        INDArray a = loader.load(img, crop, new Random(3));
        INDArray b = loader.load(img, crop, new Random(3));
        assertThat(a.shape()).containsExactly(1, 3, 16, 20);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void cropRectStaysInsideTheImage() {
        Random r = new Random(1);
        for (int i = 0; i < 200; i++) {
            var rect = FrameImageLoader.cropRect(32, 24, 0.25, r);
            assertThat(rect.x()).isBetween(0, 8);
            assertThat(rect.y()).isBetween(0, 6);
            assertThat(rect.x() + rect.width()).isLessThanOrEqualTo(32);
            assertThat(rect.y() + rect.height()).isLessThanOrEqualTo(24);
            assertThat(rect.width()).isGreaterThanOrEqualTo(24);
        }
    }

    @Test
    void corruptImageNamesTheFile(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.jpg"), "not an image");
        assertThatThrownBy(() -> loader.load(bad)).isInstanceOf(DataException.class)
                .hasMessageStartingWith(bad + ": cannot decode image");
    }

    static double[] channelMeans(INDArray img) {
        double[] m = new double[3];
        for (int c = 0; c < 3; c++) {
            m[c] = Math.round(img.get(NDArrayIndex.all(), NDArrayIndex.point(c)).meanNumber().doubleValue());
        }
        return m;
    }
}
