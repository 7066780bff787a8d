package org.roadcoder.model.featurize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.backbone.Backbone;
import org.roadcoder.model.backbone.BackboneGraph;
import org.roadcoder.model.backbone.BackboneOptions;
import org.roadcoder.model.loss.LossKind;
import org.roadcoder.model.runtime.Dl4jRuntime;
import org.roadcoder.model.transfer.HeadOptions;
import org.roadcoder.model.transfer.TransferHead;

/**
 * How much faster an epoch is from saved features than from images, on random data:
 * {@code FeaturizedBench [size=64] [widthMultiplier=0.25] [images=64]}, VGG11-BN, batch 16, 28 outputs.
 */
public final class FeaturizedBench {

    private static final int BATCH = 16;

    private FeaturizedBench() {
    }

    public static void main(String[] args) throws IOException {
        Dl4jRuntime.configure();
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        double width = args.length > 1 ? Double.parseDouble(args[1]) : 0.25;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        BackboneOptions backbone = new BackboneOptions(size, size, width, 1);
        OutputLayout layout = OutputLayout.builder().flag("area_type").exclusive("curvature", 3)
                .exclusive("bicycle_facilities", 3).exclusive("lane_width", 3).exclusive("median_type", 10)
                .exclusive("number_of_lanes", 3).flag("street_lighting").flag("sidewalk").flag("roadside_trees")
                .flag("pedestrian_crossing").flag("intersection").build();
        DataSetIterator images = new ListDataSetIterator<>(randomImages(n, size, layout), BATCH);

        ComputationGraph fineTuned = network(backbone, layout, null);
        double full = epochSeconds(() -> fineTuned.fit(images), () -> fineTuned.fit(images.next()), images);

        BackboneGraph frozenBackbone = Backbone.VGG11_BN.build(backbone);
        ComputationGraph frozen = network(backbone, layout, frozenBackbone);
        double frozenImages = epochSeconds(() -> frozen.fit(images), () -> frozen.fit(images.next()), images);

        Path dir = Files.createTempDirectory("roadcoder-features");
        long t0 = System.nanoTime();
        FeatureStore store = new Featurizer(frozen).featurize(images, dir);
        double featurize = (System.nanoTime() - t0) / 1e9;
        HeadTrainer trainer = new HeadTrainer(frozen);
        trainer.fit(store, 1); // warm-up
        t0 = System.nanoTime();
        trainer.fit(store, 1);
        double featurized = (System.nanoTime() - t0) / 1e9;

        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);

        System.out.printf("vgg11-bn %dx%d width x%.3g, %d images, batch %d%n", size, size, width, n, BATCH);
        System.out.printf("epoch: fine-tune all %.3f s, frozen backbone on images %.3f s, from features %.4f s "
                + "(featurizing once: %.3f s)%n", full, frozenImages, featurized, featurize);
        System.out.printf("featurized epoch is %.1f x faster than full training (%.1f x faster than a frozen "
                + "backbone fed images)%n", full / featurized, frozenImages / featurized);
    }

    private static ComputationGraph network(BackboneOptions options, OutputLayout layout, BackboneGraph frozen) {
        BackboneGraph backbone = frozen != null ? frozen : Backbone.VGG11_BN.build(options);
        HeadOptions head = HeadOptions.defaults();
        if (frozen != null) {
            head = head.withFreezeUpTo(backbone.features());
        }
        return TransferHead.attach(backbone, layout, LossKind.BCE.create(layout), head);
    }

    /** Seconds for one epoch, after one warm-up batch. */
    private static double epochSeconds(Runnable epoch, Runnable warmUp, DataSetIterator data) {
        data.reset();
        warmUp.run();
        data.reset();
        long t0 = System.nanoTime();
        epoch.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static List<DataSet> randomImages(int n, int size, OutputLayout layout) {
        Nd4j.getRandom().setSeed(7);
        List<DataSet> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var labels = Nd4j.zeros(DataType.FLOAT, 1, layout.size());
            for (OutputLayout.Block b : layout.blocks()) {
                labels.putScalar(0, b.offset() + (i % b.size()), 1);
            }
            list.add(new DataSet(Nd4j.rand(DataType.FLOAT, 1, 3, size, size), labels));
        }
        return list;
    }
}
