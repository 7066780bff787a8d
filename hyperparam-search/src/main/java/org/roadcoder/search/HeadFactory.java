package org.roadcoder.search;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.roadcoder.model.transfer.HeadOptions;

/**
 * Builds the whole network for one candidate head: the same frozen backbone (same weights) the
 * features were computed with, and a fresh head. The app makes it from its configuration.
 */
@FunctionalInterface
public interface HeadFactory {

    ComputationGraph build(HeadOptions head) throws Exception;
}
