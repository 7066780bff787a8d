package org.roadcoder.model.featurize;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.nd4j.linalg.dataset.DataSet;

/**
 * One epoch over saved features in a seeded random order: batch files in shuffled order, a window of
 * them merged, its examples shuffled and cut into batches of the saved size again. Saved batches hold
 * consecutive frames of one road; without this an epoch would see them in survey order. Memory holds
 * one window ({@value #WINDOW} batches).
 */
final class ShuffledFeatures implements Iterator<DataSet> {

    static final int WINDOW = 8;

    private final List<Path> files;
    private final Random random;
    private final List<DataSet> ready = new ArrayList<>();
    private int next;

    ShuffledFeatures(List<Path> files, long seed) {
        this.files = new ArrayList<>(files);
        this.random = new Random(seed);
        Collections.shuffle(this.files, random);
    }

    @Override
    public boolean hasNext() {
        if (ready.isEmpty() && next < files.size()) {
            fill();
        }
        return !ready.isEmpty();
    }

    @Override
    public DataSet next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.remove(0);
    }

    private void fill() {
        List<DataSet> window = new ArrayList<>();
        int batchSize = 0;
        for (; next < files.size() && window.size() < WINDOW; next++) {
            DataSet ds = FeatureStore.load(files.get(next));
            batchSize = Math.max(batchSize, ds.numExamples());
            window.add(ds);
        }
        DataSet merged = DataSet.merge(window);
        merged.shuffle(random.nextLong());
        ready.addAll(merged.batchBy(batchSize));
    }
}
