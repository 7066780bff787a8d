package org.roadcoder.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Switches ND4J's default data types to double for a gradient check and restores them on close. */
public final class DoublePrecision implements AutoCloseable {

    private final DataType network = Nd4j.dataType();
    private final DataType floating = Nd4j.defaultFloatingPointType();

    public DoublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @Override
    public void close() {
        Nd4j.setDefaultDataTypes(network, floating);
    }
}
