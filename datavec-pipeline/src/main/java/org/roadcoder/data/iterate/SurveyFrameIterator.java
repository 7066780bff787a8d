package org.roadcoder.data.iterate;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.roadcoder.data.DataException;
import org.roadcoder.data.image.FrameImageLoader;
import org.roadcoder.data.random.SeedMix;
import org.roadcoder.data.survey.SurveyFrame;

/**
 * Frame-level batches: features are the frames' images {@code [n, 3, h, w]}, normalised by the
 * options' preset; labels are the frames' multi-hot vectors. Images are read per batch, so memory
 * does not grow with the survey. Shuffling and augmentation draw from per-epoch, per-position
 * seeds, so the batches are the same for the same seed whatever the thread timing.
 */
public final class SurveyFrameIterator implements FrameIterator {

    private static final long serialVersionUID = 1L;

    private final List<SurveyFrame> frames;
    private final IteratorOptions options;
    private final List<String> labelNames;
    private final transient FrameImageLoader loader;
    private final transient ExecutorService pool;
    private int[] order;
    private int cursor;
    private int epoch;
    private DataSetPreProcessor preProcessor;

    public SurveyFrameIterator(List<SurveyFrame> frames, List<String> labelNames, IteratorOptions options) {
        this.frames = List.copyOf(frames);
        this.options = options;
        this.labelNames = List.copyOf(labelNames);
        this.loader = options.preset().loader(options.height(), options.width());
        this.pool = options.workers() > 1 ? Executors.newFixedThreadPool(options.workers(), r -> {
            Thread t = new Thread(r, "roadcoder-decode");
            t.setDaemon(true);
            return t;
        }) : null;
        this.preProcessor = options.preset();
        shuffle();
    }

    @Override
    public boolean hasNext() {
        return cursor < frames.size();
    }

    @Override
    public DataSet next() {
        return next(options.batchSize());
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException("no more frames in this epoch");
        }
        int n = Math.min(num, frames.size() - cursor);
        INDArray features = Nd4j.create(DataType.FLOAT, n, 3, options.height(), options.width());
        boolean labelled = frames.get(order[cursor]).hasLabels();
        float[][] labelRows = labelled ? new float[n][] : null;
        List<Future<?>> pending = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int slot = i;
            int position = cursor + i;
            SurveyFrame f = frames.get(order[position]);
            Runnable load = () -> loadOne(f, position, features.get(NDArrayIndex.interval(slot, slot + 1),
                    NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()));
            if (pool == null) {
                load.run();
            } else {
                pending.add(pool.submit(load));
            }
            if (labelled) {
                labelRows[slot] = f.labels();
            }
        }
        awaitAll(pending);
        cursor += n;
        DataSet ds = new DataSet(features, labelled ? Nd4j.createFromArray(labelRows) : null);
        if (preProcessor != null) {
            preProcessor.preProcess(ds);
        }
        return ds;
    }

    /**
     * Moves to the frame at {@code position} of this epoch's (shuffled) order without loading the frames before
     * it: a worker that makes only some of an epoch's batches makes them exactly as a full pass would.
     */
    public void skipTo(int position) {
        if (position < 0 || position > frames.size()) {
            throw new IllegalArgumentException("position " + position + " outside an epoch of " + frames.size()
                    + " frames");
        }
        cursor = position;
    }

    private void loadOne(SurveyFrame f, int position, INDArray slot) {
        try {
            if (options.augmentation() == null) {
                loader.loadInto(f.image(), slot, null, null);
                return;
            }
            loader.loadInto(f.image(), slot, options.augmentation(), augmentationRandom(options.seed(), epoch, position));
        } catch (DataException e) {
            throw new DataException(e.file(), "frame " + f.frameId() + " (frames.csv line " + f.line() + "): "
                    + e.getMessage().substring(e.getMessage().indexOf(": ") + 2), e);
        }
    }

    /** The augmentation draws of the frame at {@code position} of {@code epoch}: a stream of its own. */
    static Random augmentationRandom(long seed, int epoch, int position) {
        return new Random(SeedMix.of(seed, epoch, position));
    }

    private static void awaitAll(List<Future<?>> pending) {
        for (Future<?> p : pending) {
            try {
                p.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading images", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private void shuffle() {
        order = new int[frames.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (options.shuffle()) {
            Random r = new Random(options.seed() + epoch);
            for (int i = order.length - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
    }

    @Override
    public void reset() {
        epoch++;
        cursor = 0;
        shuffle();
    }

    /** Frames in one epoch. */
    public int size() {
        return frames.size();
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
        return options.batchSize();
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return labelNames;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
