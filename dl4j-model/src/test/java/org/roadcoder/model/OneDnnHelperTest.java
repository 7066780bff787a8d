package org.roadcoder.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.profiler.OpProfiler;
import org.nd4j.linalg.profiler.data.StringCounter;
import org.roadcoder.model.runtime.Dl4jRuntime;

/** The test JVM is configured like every entry point: DL4J's convolutions must really run in oneDNN. */
class OneDnnHelperTest {

    @Test
    void testJvmHasHelpersOnAndTheBridgeReportsOneDnn() {
        assertThat(Dl4jRuntime.helpersEnabled()).as("surefire argLine sets the helpers property").isTrue();
        assertThat(BaseMKLDNNHelper.mklDnnEnabled()).as("DL4J's own oneDNN check, through the bridge class").isTrue();
    }

    @Test
    void convolutionLayerExecutesTheOneDnnConv2dOp() {
        MultiLayerNetwork net = tinyConvNet();
        org.deeplearning4j.nn.api.Layer conv = net.getLayer(0);
        assertThat(conv.getHelper()).isInstanceOf(MKLDNNConvHelper.class);

        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 16, 16);
        StringCounter ops = recordOps(() -> net.output(x));

        // The oneDNN helper runs libnd4j's "conv2d" op; DL4J's built-in path is im2col + gemm instead.
        assertThat(ops.getCount("conv2d")).isEqualTo(1);
        assertThat(ops.getCount("im2col")).isZero();
    }

    @Test
    void builtInPathIsTheFallbackWhenHelpersAreOff() {
        String before = System.getProperty(Dl4jRuntime.HELPERS_PROPERTY);
        System.setProperty(Dl4jRuntime.HELPERS_PROPERTY, "true");
        try {
            MultiLayerNetwork net = tinyConvNet();
            assertThat(net.getLayer(0).getHelper()).isNull();
            StringCounter ops = recordOps(() -> net.output(Nd4j.rand(DataType.FLOAT, 2, 3, 16, 16)));
            assertThat(ops.getCount("im2col")).isEqualTo(1);
            assertThat(ops.getCount("conv2d")).isZero();
        } finally {
            System.setProperty(Dl4jRuntime.HELPERS_PROPERTY, before);
        }
    }

    /** Runs {@code work} with ND4J's op profiler on and returns how often each named op executed. */
    private static StringCounter recordOps(Runnable work) {
        OpExecutioner exec = Nd4j.getExecutioner();
        OpProfiler.getInstance().reset();
        exec.setProfilingMode(OpExecutioner.ProfilingMode.OPERATIONS);
        try {
            work.run();
        } finally {
            exec.setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
        }
        return OpProfiler.getInstance().getOpCounter();
    }

    private static MultiLayerNetwork tinyConvNet() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.FLOAT)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(16, 16, 3))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
