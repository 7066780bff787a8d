package org.roadcoder.search;

import java.nio.file.Path;
import java.util.Properties;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.roadcoder.model.featurize.FeatureStore;

/**
 * Arbiter data source over features saved once by the {@code Featurizer}: every candidate trains
 * on the same training features and is scored on the same validation features.
 */
public final class FeatureDataSource implements DataSource {

    private static final long serialVersionUID = 1L;

    /** Property naming the training feature folder. */
    public static final String TRAIN = "roadcoder.features.train";
    /** Property naming the validation feature folder. */
    public static final String VALIDATION = "roadcoder.features.validation";

    private String trainDir;
    private String validationDir;

    /** Arbiter instantiates data sources by reflection, then calls {@link #configure}. */
    public FeatureDataSource() {
    }

    public static Properties properties(FeatureStore train, FeatureStore validation) {
        Properties p = new Properties();
        p.setProperty(TRAIN, train.dir().toString());
        p.setProperty(VALIDATION, validation.dir().toString());
        return p;
    }

    @Override
    public void configure(Properties properties) {
        trainDir = require(properties, TRAIN);
        validationDir = require(properties, VALIDATION);
    }

    private static String require(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("feature data source needs property " + key);
        }
        return v;
    }

    public FeatureStore trainStore() {
        return FeatureStore.open(Path.of(trainDir));
    }

    public FeatureStore validationStore() {
        return FeatureStore.open(Path.of(validationDir));
    }

    @Override
    public Object trainData() {
        return trainStore().iterator();
    }

    @Override
    public Object testData() {
        return validationStore().iterator();
    }

    @Override
    public Class<?> getDataType() {
        return DataSetIterator.class;
    }
}
