package org.roadcoder.data.iterate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Prepares the next batches on a background thread while the caller works on the current one.
 *
 * <p>Why not ND4J's {@code AsyncDataSetIterator}: in 1.0.0-M2.1 it checks for a failure of its
 * source only before it blocks on its queue, so an exception thrown while the caller waits (a
 * corrupt image in the middle of an epoch) leaves the caller waiting forever. Here every batch is
 * a {@link Future}, so the source's exception reaches the caller, unchanged.
 *
 * <p>Like ND4J's asynchronous iterators, a batch is valid until the next call to {@link #next()}:
 * its native memory is released then, so memory stays flat however long the survey.
 */
public final class PrefetchIterator implements FrameIterator {

    private static final long serialVersionUID = 1L;

    private final DataSetIterator source;
    private final int depth;
    private final transient ExecutorService thread;
    private final transient Deque<Future<DataSet>> pending = new ArrayDeque<>();
    private transient DataSet previous;

    public PrefetchIterator(DataSetIterator source, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("prefetch depth must be at least 1, got " + depth);
        }
        this.source = source;
        this.depth = depth;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "roadcoder-prefetch");
            t.setDaemon(true);
            return t;
        });
        fill();
    }

    private void fill() {
        while (pending.size() < depth) {
            pending.add(thread.submit(() -> source.hasNext() ? source.next() : null));
        }
    }

    private DataSet peek() {
        try {
            return pending.peekFirst().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        } catch (ExecutionException e) {
            pending.clear();
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("loading a batch failed", e.getCause());
        }
    }

    @Override
    public boolean hasNext() {
        return !pending.isEmpty() && peek() != null;
    }

    @Override
    public DataSet next() {
        release(previous);
        DataSet ds = pending.isEmpty() ? null : peek();
        if (ds == null) {
            throw new NoSuchElementException("no more batches in this epoch");
        }
        pending.removeFirst();
        fill();
        previous = ds;
        return ds;
    }

    private static void release(DataSet ds) {
        if (ds != null) {
            if (ds.getFeatures() != null && !ds.getFeatures().wasClosed()) {
                ds.getFeatures().close();
            }
            if (ds.getLabels() != null && !ds.getLabels().wasClosed()) {
                ds.getLabels().close();
            }
        }
    }

    @Override
    public DataSet next(int num) {
        throw new UnsupportedOperationException("a prefetching iterator has a fixed batch size; use next()");
    }

    @Override
    public void reset() {
        drain();
        release(previous);
        previous = null;
        source.reset();
        fill();
    }

    private void drain() {
        for (Future<DataSet> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                // the epoch is being abandoned; its failure no longer matters
            }
        }
        pending.clear();
    }

    @Override
    public void close() {
        drain();
        thread.shutdownNow();
        if (source instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public int inputColumns() {
        return source.inputColumns();
    }

    @Override
    public int totalOutcomes() {
        return source.totalOutcomes();
    }

    @Override
    public boolean resetSupported() {
        return source.resetSupported();
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public int batch() {
        return source.batch();
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        source.setPreProcessor(preProcessor);
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return source.getPreProcessor();
    }

    @Override
    public List<String> getLabels() {
        return source.getLabels();
    }
}
