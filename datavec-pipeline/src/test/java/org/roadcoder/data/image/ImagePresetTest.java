package org.roadcoder.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.VGG16ImagePreProcessor;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.data.DataException;

class ImagePresetTest {

    /** One pixel per channel: R=200, G=100, B=50. */
    private static INDArray pixel() {
        return Nd4j.createFromArray(200f, 100f, 50f).reshape(1, 3, 1, 1);
    }

    @Test
    void vggIsCaffeStyleBgrMinusMeans() {
        assertThat(ImagePreset.VGG.channelOrder()).isEqualTo(ChannelOrder.BGR);
        INDArray bgr = Nd4j.createFromArray(50f, 100f, 200f).reshape(1, 3, 1, 1);
        ImagePreset.VGG.normalise(bgr);
        assertThat(bgr.getDouble(0, 0, 0, 0)).isCloseTo(50 - 103.939, within(1e-4));
        assertThat(bgr.getDouble(0, 1, 0, 0)).isCloseTo(100 - 116.779, within(1e-4));
        assertThat(bgr.getDouble(0, 2, 0, 0)).isCloseTo(200 - 123.68, within(1e-4));
    }

    @Test
    void vggMatchesDl4jsOwnPreProcessor() {
        INDArray bgr = Nd4j.rand(DataType.FLOAT, 2, 3, 4, 5).muli(255);
        INDArray expected = bgr.dup();
        new VGG16ImagePreProcessor().transform(expected);
        ImagePreset.VGG.normalise(bgr);
        assertThat(bgr.equalsWithEps(expected, 1e-4)).isTrue();
    }

    @Test
    void vggLoaderReadsBgrSoTheWeightsSeeWhatTheyWereTrainedOn() {
        INDArray red = ImagePreset.VGG.loader(8, 8).load(org.roadcoder.data.TinySurvey.source().resolve("images/red.png"));
        assertThat(FrameImageLoaderTest.channelMeans(red)).containsExactly(0.0, 0.0, 255.0);
        INDArray rgb = ImagePreset.TORCHVISION.loader(8, 8).load(org.roadcoder.data.TinySurvey.source().resolve("images/red.png"));
        assertThat(FrameImageLoaderTest.channelMeans(rgb)).containsExactly(255.0, 0.0, 0.0);
    }

    @Test
    void torchvisionIsRgbScaledThenStandardised() {
        INDArray x = pixel();
        ImagePreset.TORCHVISION.normalise(x);
        assertThat(x.getDouble(0, 0, 0, 0)).isCloseTo((200 / 255.0 - 0.485) / 0.229, within(1e-5));
        assertThat(x.getDouble(0, 2, 0, 0)).isCloseTo((50 / 255.0 - 0.406) / 0.225, within(1e-5));
    }

    @Test
    void unitScalesToZeroOne() {
        INDArray x = pixel();
        ImagePreset.UNIT.normalise(x);
        assertThat(x.ravel().toDoubleVector()).containsExactly(new double[] {200 / 255.0, 100 / 255.0, 50 / 255.0}, within(1e-6));
    }

    @Test
    void presetsAreNamed() {
        assertThat(ImagePreset.fromId("vgg")).isEqualTo(ImagePreset.VGG);
        assertThat(ImagePreset.fromId("TorchVision")).isEqualTo(ImagePreset.TORCHVISION);
        assertThatThrownBy(() -> ImagePreset.fromId("caffe")).isInstanceOf(DataException.class)
                .hasMessage("unknown image preset 'caffe'; known: vgg, torchvision, unit");
    }
}
