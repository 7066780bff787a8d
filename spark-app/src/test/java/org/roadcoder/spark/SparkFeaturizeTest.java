package org.roadcoder.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.app.TestSurveys;
import org.roadcoder.model.featurize.FeatureStore;

/** spark-featurize in local[2] against featurize on the same tiny survey and network. */
class SparkFeaturizeTest {

    @Test
    void theFeatureStoreIsTheLocalOne(@TempDir Path tmp) throws IOException {
        // 5 roads of 3 segments of 4 frames; 3 partitions per split, cut between segments
        Path survey = TestSurveys.write(tmp.resolve("survey"), 5, 3, 4);
        String[] common = {survey.toString(), "--schema", TestSurveys.repoRoot().resolve("data/labels.yaml").toString(),
                "--config", TestSurveys.tinyConfig(tmp).toString()};
        SparkCli local = SparkCli.of(concat("featurize", common, "--out", tmp.resolve("local").toString()));
        assertThat(local.exitCode()).as(local.err()).isZero();
        SparkCli spark = SparkCli.of(concat("spark-featurize", common, "--out", tmp.resolve("spark").toString(),
                "--master", "local[2]", "--partitions", "3"));
        assertThat(spark.exitCode()).as(spark.err()).isZero();

        for (String split : List.of("train", "validation", "test")) {
            FeatureStore mine = FeatureStore.open(tmp.resolve("spark").resolve(split));
            FeatureStore theirs = FeatureStore.open(tmp.resolve("local").resolve(split));
            assertThat(mine.examples()).as(split).isEqualTo(theirs.examples()).isPositive();
            DataSet a = all(mine.iterator());
            DataSet b = all(theirs.iterator());
            assertThat(a.getFeatures().shape()).isEqualTo(b.getFeatures().shape());
            double features = a.getFeatures().sub(b.getFeatures()).amaxNumber().doubleValue();
            assertThat(features).as("%s: largest feature difference", split).isLessThanOrEqualTo(1e-5);
            assertThat(a.getLabels()).as(split).isEqualTo(b.getLabels());
        }
        assertThat(spark.out()).contains("train: 36 frames of 3 roads");
    }

    /** Every example of a store in file order, as one DataSet. */
    static DataSet all(DataSetIterator it) {
        List<INDArray> features = new ArrayList<>();
        List<INDArray> labels = new ArrayList<>();
        while (it.hasNext()) {
            DataSet d = it.next();
            features.add(d.getFeatures());
            labels.add(d.getLabels());
        }
        return new DataSet(Nd4j.concat(0, features.toArray(INDArray[]::new)),
                Nd4j.concat(0, labels.toArray(INDArray[]::new)));
    }

    static String[] concat(String first, String[] middle, String... last) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(middle));
        all.addAll(List.of(last));
        return all.toArray(String[]::new);
    }
}
