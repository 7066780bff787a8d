package org.roadcoder.model.backbone;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import onnx.Onnx;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads a torchvision VGG's convolutional weights from an ONNX export (with the ONNX classes that
 * nd4j-api ships) into a backbone: the k-th Conv node into the k-th convolution layer, the k-th
 * BatchNormalization node into the k-th batch-norm layer, in graph order. The classifier (Gemm nodes)
 * is not read; the transfer surgery replaces it anyway.
 *
 * <p>Export with {@code training=TrainingMode.PRESERVE, do_constant_folding=False} from eval mode, or
 * PyTorch folds batch norm into the convolutions. Equal tensors may be shared behind Identity nodes;
 * they are followed.
 */
public final class OnnxWeights {

    private OnnxWeights() {
    }

    public static void load(Path onnxFile, BackboneGraph target) throws IOException {
        Onnx.GraphProto graph;
        try (InputStream in = Files.newInputStream(onnxFile)) {
            graph = Onnx.ModelProto.parseFrom(in).getGraph();
        }
        Map<String, INDArray> tensors = tensors(graph);
        List<Onnx.NodeProto> convs = nodes(graph, "Conv");
        List<Onnx.NodeProto> norms = nodes(graph, "BatchNormalization");
        List<String> convLayers = LayerOrder.of(target.graph(), ConvolutionLayer.class);
        List<String> normLayers = LayerOrder.of(target.graph(), BatchNormalization.class);
        if (convs.size() != convLayers.size() || norms.size() != normLayers.size()) {
            throw new IllegalArgumentException(onnxFile + " has " + convs.size() + " convolutions and " + norms.size()
                    + " batch norms; the backbone has " + convLayers.size() + " and " + normLayers.size()
                    + " (wrong architecture, or batch norm folded away: export with TrainingMode.PRESERVE and "
                    + "do_constant_folding=False)");
        }
        for (int k = 0; k < convs.size(); k++) {
            List<String> in = convs.get(k).getInputList();
            set(target.graph(), convLayers.get(k), "W", tensor(tensors, in.get(1)));
            set(target.graph(), convLayers.get(k), "b", tensor(tensors, in.get(2)));
        }
        for (int k = 0; k < norms.size(); k++) {
            List<String> in = norms.get(k).getInputList();
            String layer = normLayers.get(k);
            set(target.graph(), layer, "gamma", tensor(tensors, in.get(1)));
            set(target.graph(), layer, "beta", tensor(tensors, in.get(2)));
            set(target.graph(), layer, "mean", tensor(tensors, in.get(3)));
            set(target.graph(), layer, "var", tensor(tensors, in.get(4)));
        }
    }

    private static void set(ComputationGraph net, String layerName, String key, INDArray value) {
        Layer layer = net.getLayer(layerName);
        if (!layer.paramTable().containsKey(key)) {
            throw new IllegalArgumentException("layer " + layerName + " has no parameter " + key
                    + " (batch norm must be built with useLogStd(false))");
        }
        INDArray param = layer.getParam(key);
        if (param.length() != value.length()) {
            throw new IllegalArgumentException("layer " + layerName + " " + key + ": ONNX tensor of "
                    + value.length() + " values for a parameter of " + param.length());
        }
        param.assign(value.reshape(param.shape()).castTo(param.dataType()));
    }

    private static List<Onnx.NodeProto> nodes(Onnx.GraphProto graph, String opType) {
        return graph.getNodeList().stream().filter(n -> n.getOpType().equals(opType)).toList();
    }

    /** Initializers by name, plus the outputs of Identity nodes that merely rename them. */
    private static Map<String, INDArray> tensors(Onnx.GraphProto graph) {
        Map<String, INDArray> tensors = new HashMap<>();
        for (Onnx.TensorProto t : graph.getInitializerList()) {
            tensors.put(t.getName(), toArray(t));
        }
        for (Onnx.NodeProto n : graph.getNodeList()) {
            if (n.getOpType().equals("Identity") && tensors.containsKey(n.getInput(0))) {
                tensors.put(n.getOutput(0), tensors.get(n.getInput(0)));
            }
        }
        return tensors;
    }

    private static INDArray tensor(Map<String, INDArray> tensors, String name) {
        INDArray t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("ONNX input " + name + " is not a stored tensor");
        }
        return t;
    }

    private static INDArray toArray(Onnx.TensorProto t) {
        if (t.getDataType() != Onnx.TensorProto.DataType.FLOAT.getNumber()) {
            throw new IllegalArgumentException("tensor " + t.getName() + ": only float32 is supported, got type "
                    + t.getDataType());
        }
        float[] values;
        if (!t.getRawData().isEmpty()) {
            FloatBuffer fb = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            values = new float[fb.remaining()];
            fb.get(values);
        } else {
            values = new float[t.getFloatDataCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = t.getFloatData(i);
            }
        }
        return Nd4j.createFromArray(values);
    }
}
