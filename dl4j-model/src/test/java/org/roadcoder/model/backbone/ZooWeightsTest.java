package org.roadcoder.model.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Adler32;
import org.deeplearning4j.common.resources.DL4JResources;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.deeplearning4j.zoo.ModelMetaData;
import org.deeplearning4j.zoo.PretrainedType;
import org.deeplearning4j.zoo.ZooModel;
import org.deeplearning4j.zoo.ZooType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zoo's initPretrained against a loopback mirror serving a tiny model the test makes. */
class ZooWeightsTest {

    private static final BackboneOptions TINY = new BackboneOptions(32, 32, 1.0 / 32, 5);

    @TempDir
    Path dir;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private byte[] served;
    private ComputationGraph original;

    @BeforeEach
    void serveATinyModel() throws IOException {
        original = Backbone.VGG16.build(TINY).graph();
        File file = dir.resolve("made.zip").toFile();
        ModelSerializer.writeModel(original, file, false);
        served = Files.readAllBytes(file.toPath());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/mirror/models/", exchange -> {
            requests.incrementAndGet();
            byte[] body = exchange.getRequestURI().getPath().endsWith("/tinyzoo_imagenet.zip") ? served : null;
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void downloadsVerifiesAndCachesThroughTheZoo() throws IOException {
        TinyZoo zoo = new TinyZoo(checksum(served));
        String dl4jUrl = DL4JResources.getBaseDownloadURL();
        ComputationGraph loaded = ZooWeights.load(zoo, PretrainedType.IMAGENET, source());

        assertThat(loaded.params()).isEqualTo(original.params());
        Path cached = dir.resolve("cache/models/tinyzoo/tinyzoo_imagenet.zip");
        assertThat(ZooWeights.cachedFile(zoo, PretrainedType.IMAGENET, source())).isEqualTo(cached);
        assertThat(cached).hasBinaryContent(served);
        assertThat(requests).hasValue(1);

        ZooWeights.load(zoo, PretrainedType.IMAGENET, source());
        assertThat(requests).as("second load reads the cache").hasValue(1);
        assertThat(DL4JResources.getBaseDownloadURL()).as("DL4J's global URL restored").isEqualTo(dl4jUrl);
    }

    @Test
    void aCorruptDownloadFailsTheChecksumAndLeavesNoFile() {
        TinyZoo zoo = new TinyZoo(checksum(served) + 1);
        assertThatThrownBy(() -> ZooWeights.load(zoo, PretrainedType.IMAGENET, source()))
                .isInstanceOf(IOException.class).hasMessageContaining("failed their checksum");
        assertThat(dir.resolve("cache/models/tinyzoo/tinyzoo_imagenet.zip")).doesNotExist();
    }

    @Test
    void offlineTheMessageSaysWhereToPutTheFile() {
        server.stop(0);
        TinyZoo zoo = new TinyZoo(checksum(served));
        assertThatThrownBy(() -> ZooWeights.load(zoo, PretrainedType.IMAGENET, source()))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot download")
                .hasMessageContaining("put it at " + dir.resolve("cache/models/tinyzoo/tinyzoo_imagenet.zip"));
        assertThatThrownBy(() -> ZooWeights.load(zoo, PretrainedType.CIFAR10, source()))
                .hasMessageContaining("no CIFAR10 weights for tinyzoo");
    }

    @Test
    void backboneImageNetWeightsComeFromTheZoosVgg16File() {
        server.stop(0);
        assertThatThrownBy(() -> Backbone.VGG16.imagenet(BackboneOptions.square(224), source()))
                .hasMessageContaining("/mirror/models/vgg16_dl4j_inference.zip")
                .hasMessageContaining("put it at " + dir.resolve("cache/models/vgg16/vgg16_dl4j_inference.zip"));
        assertThatThrownBy(() -> Backbone.VGG11_BN.imagenet(BackboneOptions.square(224), source()))
                .hasMessageContaining("ONNX");
        assertThatThrownBy(() -> Backbone.VGG19.imagenet(TINY, source())).hasMessageContaining("full-width");
    }

    @Test
    void featureWeightsFitABackboneBuiltForAnotherInputSize() {
        BackboneGraph bigger = Backbone.VGG16.build(new BackboneOptions(64, 96, 1.0 / 32, 6));
        assertThat(bigger.graph().getParam("conv1_1_W")).isNotEqualTo(original.getParam("conv1_1_W"));
        FeatureWeights.copy(original, bigger);
        for (String layer : new String[] {"conv1_1", "conv3_3", "conv5_3"}) {
            assertThat(bigger.graph().getLayer(layer).params()).isEqualTo(original.getLayer(layer).params());
        }
        BackboneGraph wider = Backbone.VGG16.build(new BackboneOptions(32, 32, 1.0 / 16, 6));
        assertThatThrownBy(() -> FeatureWeights.copy(original, wider)).hasMessageContaining("do not fit");
    }

    private WeightsSource source() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/mirror";
        return new WeightsSource(dir.resolve("cache"), url, Duration.ofSeconds(5));
    }

    private static long checksum(byte[] bytes) {
        Adler32 adler = new Adler32();
        adler.update(bytes);
        return adler.getValue();
    }

    /** A zoo model whose ImageNet weights are the test's tiny VGG16. */
    static final class TinyZoo extends ZooModel<ComputationGraph> {
        private final long checksum;

        TinyZoo(long checksum) {
            this.checksum = checksum;
        }

        @Override
        public String pretrainedUrl(PretrainedType type) {
            return type == PretrainedType.IMAGENET ? DL4JResources.getURLString("models/tinyzoo_imagenet.zip") : null;
        }

        @Override
        public long pretrainedChecksum(PretrainedType type) {
            return checksum;
        }

        @Override
        public Class<? extends Model> modelType() {
            return ComputationGraph.class;
        }

        @Override
        @SuppressWarnings("unchecked")
        public ComputationGraph init() {
            return Backbone.VGG16.build(TINY).graph();
        }

        @Override
        public ModelMetaData metaData() {
            return new ModelMetaData(new int[][] {{3, 32, 32}}, 1, ZooType.CNN);
        }

        @Override
        public void setInputShape(int[][] shape) {
            throw new UnsupportedOperationException("this test zoo model has a fixed 32x32 input");
        }
    }
}
