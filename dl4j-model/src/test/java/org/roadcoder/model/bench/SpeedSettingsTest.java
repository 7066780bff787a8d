package org.roadcoder.model.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The benchmark's argument handling; nothing here is timed. */
class SpeedSettingsTest {

    @Test
    void defaultsAreTheIssuesCasesWithInferenceInBothLayouts() {
        SpeedSettings s = SpeedSettings.parse();
        assertThat(s.cases()).containsExactly(SpeedCase.values());
        assertThat(s.batchFor(SpeedCase.TRAIN_VGG11_BN_224)).isEqualTo(16);
        assertThat(s.batchFor(SpeedCase.INFER_VGG16_224)).isEqualTo(8);
        assertThat(s.batchFor(SpeedCase.INFER_VGG16_STOCK_224)).isEqualTo(8);
        assertThat(s.helpers()).isTrue();
        assertThat(s.call()).isEqualTo(SpeedSettings.Call.SINGLE);
        assertThat(s.formatsFor(SpeedCase.TRAIN_VGG11_BN_128)).containsExactly(CNN2DFormat.NCHW);
        assertThat(s.formatsFor(SpeedCase.INFER_VGG16_STOCK_224)).containsExactly(CNN2DFormat.NCHW, CNN2DFormat.NHWC);
        assertThat(SpeedCase.INFER_VGG16_STOCK_224.stock()).isTrue();
        assertThat(SpeedCase.INFER_VGG16_224.stock()).isFalse();
    }

    @Test
    void optionsParseAndTravelToTheChildUnchanged() {
        SpeedSettings s = SpeedSettings.parse("--case", "train-vgg11bn-128", "--format", "nhwc", "--workspace", "none",
                "--helpers", "off", "--batch", "32", "--dtype", "half", "--warmup", "0", "--iterations", "4",
                "--torch", "off", "--zoo-graph", "off", "--call", "output", "--layers", "stock");
        assertThat(s.cases()).containsExactly(SpeedCase.TRAIN_VGG11_BN_128);
        assertThat(s.batchFor(SpeedCase.INFER_VGG16_224)).isEqualTo(32);
        assertThat(s.warmupFor(SpeedCase.TRAIN_VGG11_BN_128)).isZero();
        SpeedSettings child = SpeedSettings.parse(s.toArgs(SpeedCase.TRAIN_VGG11_BN_128, CNN2DFormat.NHWC)
                .toArray(String[]::new));
        assertThat(child).isEqualTo(s);
        assertThat(child.format()).isEqualTo(CNN2DFormat.NHWC);
        assertThat(child.workspace()).isEqualTo(WorkspaceMode.NONE);
        assertThat(child.dtype()).isEqualTo(DataType.HALF);
        assertThat(child.zooGraph()).isFalse();
        assertThat(child.call()).isEqualTo(SpeedSettings.Call.OUTPUT);
        assertThat(child.tuned()).isFalse();
    }

    @Test
    void eachLayoutGetsItsOwnChild() {
        SpeedSettings s = SpeedSettings.parse("--case", "infer-vgg16-224", "--format", "nhwc,nchw");
        assertThat(s.formatsFor(SpeedCase.INFER_VGG16_224)).containsExactly(CNN2DFormat.NHWC, CNN2DFormat.NCHW);
        assertThat(SpeedSettings.parse(s.toArgs(SpeedCase.INFER_VGG16_224, CNN2DFormat.NCHW).toArray(String[]::new))
                .format()).isEqualTo(CNN2DFormat.NCHW);
        assertThatThrownBy(s::format).hasMessageContaining("one layout");
    }

    @Test
    void flopsCountTheCasesOwnHeadAndWidth() {
        double stockHead = 2.0 * (25088L * 4096 + 4096L * 4096 + 4096L * 1000);
        double roadcoderHead = 2.0 * (25088L * 300 + 300L * 300 + 300L * 28);
        assertThat(StepFlops.perImage(SpeedCase.INFER_VGG16_STOCK_224) - StepFlops.perImage(SpeedCase.INFER_VGG16_224))
                .isCloseTo(stockHead - roadcoderHead, org.assertj.core.data.Offset.offset(1.0));
        // the demo network: 1/8 of the channels at 64 px; its first convolution is 3 -> 8 channels at 64x64
        assertThat(StepFlops.perImage(SpeedCase.INFER_DEMO_64))
                .isLessThan(StepFlops.perImage(SpeedCase.INFER_VGG11_BN_224) / 500)
                .isGreaterThan(2.0 * 3 * 8 * 9 * 64 * 64);
    }

    @Test
    void mavenPassesTheOptionsAsOneArgument() {
        assertThat(SpeedBenchmark.words(new String[] {" --batch  8 --repeats 2 "})).containsExactly("--batch", "8",
                "--repeats", "2");
        assertThat(SpeedBenchmark.words(new String[] {""})).isEmpty();
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> SpeedSettings.parse("--case", "train-resnet")).hasMessageContaining("train-resnet");
        assertThatThrownBy(() -> SpeedSettings.parse("--helpers", "maybe")).hasMessageContaining("maybe");
        assertThatThrownBy(() -> SpeedSettings.parse("--dtype", "int")).hasMessageContaining("INT");
        assertThatThrownBy(() -> SpeedSettings.parse("--batch")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> SpeedSettings.parse("--format", "nchw,nwhc")).hasMessageContaining("NWHC");
    }

    @Test
    void childResultLineIsParsedAndFailuresQuoteTheException() {
        ChildResult ok = ChildResult.parse(List.of("log", "RESULT images_per_s=2.5 peak_mb=3450 helpers=MKLDNNConvHelper"),
                0);
        assertThat(ok.number("images_per_s")).isEqualTo(2.5);
        assertThat(ok.text("helpers")).isEqualTo("MKLDNNConvHelper");
        ChildResult failed = ChildResult.parse(List.of("Exception in thread \"main\" java.lang.IllegalStateException: x",
                "\tat a.b(C.java:1)"), 1);
        assertThat(failed.ok()).isFalse();
        assertThat(failed.failure()).contains("IllegalStateException").contains("exit 1");
        assertThat(failed.number("images_per_s")).isNaN();
    }
}
