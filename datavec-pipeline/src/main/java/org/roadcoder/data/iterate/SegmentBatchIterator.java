package org.roadcoder.data.iterate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.data.DataException;
import org.roadcoder.data.survey.SurveyFrame;

/**
 * Segment-level batches: whole 100-m segments, {@code segmentsPerBatch} at a time, for a network that
 * pools its frames per segment. A batch is a {@link DataSet} whose features are the segments' frames
 * packed one segment after another ({@code [frames, 3, h, w]}, only real frames, no padding), whose
 * labels are the segments' labels ({@code [segments, outputs]}, the coders' label, which every frame of
 * a segment carries), and whose features mask is the frame mask {@code [segments, T]}: 1 where segment b
 * has a t-th frame, T the most frames any segment has. Images are decoded, normalised and augmented by
 * the same {@link SurveyFrameIterator} as frame batches; segments (not frames) are shuffled per epoch.
 *
 * <p>With {@code fillFrames > 0} each batch also carries that many single frames of other segments, drawn
 * from an epoch's shuffled order of all frames, packed after the whole segments as one-frame segments
 * (mask rows with a single 1, labels their segments' labels). Their labels mask ({@code [segments, 1]},
 * {@link DataSet#getLabelsMaskArray()}) is 0, the whole segments' 1: the network trains them only where it
 * trains frame by frame ({@code SegmentNetworks.trainingLabelMask}). They are there for what two segments
 * cannot give a batch: frames of many places, for batch normalisation's statistics and for the groups that
 * run along the road (docs/quality.md, "Segment batches").
 */
public final class SegmentBatchIterator implements FrameIterator {

    private static final long serialVersionUID = 1L;

    private final List<List<SurveyFrame>> segments;
    private final List<String> labelNames;
    private final IteratorOptions options;
    private final int segmentsPerBatch;
    private final int maxFrames;
    private final int fillFrames;
    private final List<SurveyFrame> allFrames;
    private transient SurveyFrameIterator frames;
    private int[] order;
    /** Per batch of this epoch, the fill frames packed after its segments. */
    private List<List<SurveyFrame>> fills;
    private int cursor;
    private int epoch;

    public SegmentBatchIterator(List<SurveyFrame> frames, List<String> labelNames, IteratorOptions options,
            int segmentsPerBatch) {
        this(frames, labelNames, options, segmentsPerBatch, 0);
    }

    /** @param fillFrames single frames of other segments added to each batch, trained frame by frame only */
    public SegmentBatchIterator(List<SurveyFrame> frames, List<String> labelNames, IteratorOptions options,
            int segmentsPerBatch, int fillFrames) {
        if (segmentsPerBatch < 1) {
            throw new IllegalArgumentException("segments per batch must be at least 1, got " + segmentsPerBatch);
        }
        if (fillFrames < 0) {
            throw new IllegalArgumentException("fill frames per batch cannot be negative, got " + fillFrames);
        }
        Map<String, List<SurveyFrame>> bySegment = new LinkedHashMap<>();
        for (SurveyFrame f : frames) {
            if (!f.hasLabels()) {
                throw new DataException(null, "frames.csv:" + f.line() + ": frame " + f.frameId()
                        + " has no labels; segment-level training needs segments.csv");
            }
            bySegment.computeIfAbsent(f.segmentId(), k -> new ArrayList<>()).add(f);
        }
        for (List<SurveyFrame> s : bySegment.values()) {
            for (SurveyFrame f : s) {
                if (!Arrays.equals(f.labels(), s.get(0).labels())) {
                    throw new DataException(null, "frames.csv:" + f.line() + ": frame " + f.frameId() + " of segment "
                            + f.segmentId() + " has other labels than the segment's first frame; segment-level "
                            + "training needs the segments' labels (data.labels: segments)");
                }
            }
        }
        this.segments = List.copyOf(bySegment.values());
        this.labelNames = List.copyOf(labelNames);
        this.options = options;
        this.segmentsPerBatch = segmentsPerBatch;
        this.maxFrames = segments.stream().mapToInt(List::size).max().orElse(1);
        this.fillFrames = fillFrames;
        this.allFrames = List.copyOf(frames);
        start();
    }

    /** Segments in one epoch. */
    public int segments() {
        return segments.size();
    }

    /** T: the frame mask's width. */
    public int maxFrames() {
        return maxFrames;
    }

    private void start() {
        // SplittableRandom mixes its seed: neighbouring seeds (epochs) give unrelated orders
        order = shuffled(segments.size(), options.shuffle() ? epochRandom() : null);
        fills = new ArrayList<>();
        // its own stream of the epoch's seed
        int[] fillOrder = fillFrames > 0 ? shuffled(allFrames.size(), epochRandom().split()) : new int[0];
        int nextFill = 0;
        List<SurveyFrame> flat = new ArrayList<>();
        for (int first = 0; first < order.length; first += segmentsPerBatch) {
            for (int i = first; i < Math.min(order.length, first + segmentsPerBatch); i++) {
                flat.addAll(segments.get(order[i]));
            }
            List<SurveyFrame> fill = new ArrayList<>(fillFrames);
            for (int k = 0; k < fillFrames; k++) {
                fill.add(allFrames.get(fillOrder[nextFill]));
                nextFill = (nextFill + 1) % fillOrder.length;
            }
            flat.addAll(fill);
            fills.add(fill);
        }
        if (frames != null) {
            frames.close();
        }
        frames = new SurveyFrameIterator(flat, labelNames, new IteratorOptions(options.batchSize(), options.height(),
                options.width(), options.preset(), options.augmentation(), false, options.seed(), 0,
                options.workers()));
        cursor = 0;
    }

    private SplittableRandom epochRandom() {
        return new SplittableRandom(options.seed() * 1_000_003L + epoch);
    }

    /** 0..n-1, shuffled (Fisher-Yates) by {@code r}; in order when {@code r} is null. */
    private static int[] shuffled(int n, SplittableRandom r) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        if (r != null) {
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        }
        return a;
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length;
    }

    @Override
    public DataSet next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more segments in this epoch");
        }
        int b = Math.min(segmentsPerBatch, order.length - cursor);
        List<SurveyFrame> fill = fills.get(cursor / segmentsPerBatch);
        int rows = b + fill.size();
        float[][] mask = new float[rows][maxFrames];
        float[][] labels = new float[rows][];
        float[][] whole = new float[rows][1];
        int n = 0;
        for (int i = 0; i < b; i++) {
            List<SurveyFrame> s = segments.get(order[cursor + i]);
            Arrays.fill(mask[i], 0, s.size(), 1f);
            labels[i] = s.get(0).labels();
            whole[i][0] = 1f;
            n += s.size();
        }
        for (int k = 0; k < fill.size(); k++) {
            mask[b + k][0] = 1f;
            labels[b + k] = fill.get(k).labels();
        }
        n += fill.size();
        cursor += b;
        DataSet packed = frames.next(n);
        INDArray frameLabels = packed.getLabels();
        if (frameLabels != null) {
            frameLabels.close();
        }
        return new DataSet(packed.getFeatures(), Nd4j.createFromArray(labels), Nd4j.createFromArray(mask).castTo(
                DataType.FLOAT), fill.isEmpty() ? null : Nd4j.createFromArray(whole).castTo(DataType.FLOAT));
    }

    @Override
    public DataSet next(int num) {
        throw new UnsupportedOperationException("segment batches have a fixed number of segments; use next()");
    }

    @Override
    public void reset() {
        epoch++;
        start();
    }

    @Override
    public int inputColumns() {
        return 3 * options.height() * options.width();
    }

    @Override
    public int totalOutcomes() {
        return labelNames.size();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return true;
    }

    @Override
    public int batch() {
        return segmentsPerBatch;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        frames.setPreProcessor(preProcessor);
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return frames.getPreProcessor();
    }

    @Override
    public List<String> getLabels() {
        return labelNames;
    }

    @Override
    public void close() {
        frames.close();
    }
}
