package org.roadcoder.search.stats;

import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.deeplearning4j.core.storage.Persistable;
import org.deeplearning4j.core.storage.StatsStorageRouter;
import org.deeplearning4j.core.storage.StorageMetaData;

/**
 * Passes DL4J's training-UI reports on to their storage from a background thread. DL4J's
 * {@code FileStatsStorage} commits its MapDB transaction, a write-ahead log synced to disk, for every
 * report; on the training thread that wait was most of a report's cost ({@code docs/performance.md}).
 * Reports keep their order; if the writer falls {@value #BACKLOG} reports behind, the training thread
 * writes the next one itself. A failed write is thrown at the next report or at {@link #close()}.
 */
public final class BackgroundStatsRouter implements StatsStorageRouter, AutoCloseable {

    static final int BACKLOG = 64;

    private final StatsStorageRouter target;
    private final ThreadPoolExecutor writer;
    private volatile RuntimeException failure;

    public BackgroundStatsRouter(StatsStorageRouter target) {
        this.target = target;
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(BACKLOG), r -> {
            Thread t = new Thread(r, "roadcoder-stats-writer");
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    private void write(Runnable put) {
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
        writer.execute(() -> {
            try {
                put.run();
            } catch (RuntimeException e) {
                failure = e;
            }
        });
    }

    @Override
    public void putStorageMetaData(StorageMetaData storageMetaData) {
        write(() -> target.putStorageMetaData(storageMetaData));
    }

    @Override
    public void putStorageMetaData(Collection<? extends StorageMetaData> storageMetaData) {
        write(() -> target.putStorageMetaData(storageMetaData));
    }

    @Override
    public void putStaticInfo(Persistable staticInfo) {
        write(() -> target.putStaticInfo(staticInfo));
    }

    @Override
    public void putStaticInfo(Collection<? extends Persistable> staticInfo) {
        write(() -> target.putStaticInfo(staticInfo));
    }

    @Override
    public void putUpdate(Persistable update) {
        write(() -> target.putUpdate(update));
    }

    @Override
    public void putUpdate(Collection<? extends Persistable> updates) {
        write(() -> target.putUpdate(updates));
    }

    /** Waits until every report handed over so far is in the storage; throws the first failed write. */
    public void flush() {
        Thread caller = Thread.currentThread();
        AtomicBoolean drained = new AtomicBoolean();
        try {
            // a marker run by the writer comes after every report queued before it; one the full queue made the
            // caller run proves nothing, so try again
            while (!drained.get()) {
                writer.submit(() -> drained.set(Thread.currentThread() != caller)).get(10, TimeUnit.MINUTES);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the training-UI statistics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("training-UI statistics not written: " + e, e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Waits until every report handed over so far is in the storage, and stops the writer; throws the first failed write. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("training-UI statistics still not written after 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the training-UI statistics", e);
        }
        if (failure != null) {
            throw failure;
        }
    }
}
