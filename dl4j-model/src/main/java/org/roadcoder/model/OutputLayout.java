package org.roadcoder.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What the network needs to know about the labels: the output vector as a sequence of blocks, each
 * either one sigmoid output (a flag) or one softmax block (mutually exclusive categories). The
 * model module takes only this; the apps build it from the parsed label schema.
 *
 * @param blocks in output order; their sizes add up to {@link #size()}
 */
public record OutputLayout(List<Block> blocks) {

    /** How a block's outputs are activated. */
    public enum Kind { SIGMOID, SOFTMAX }

    /**
     * @param name   the label group's name, for metric names
     * @param kind   sigmoid (one flag output) or softmax (an exclusive block)
     * @param offset index of the block's first output
     * @param size   number of outputs; 1 for sigmoid
     */
    public record Block(String name, Kind kind, int offset, int size) {
        public Block {
            if (size < 1 || (kind == Kind.SIGMOID && size != 1)) {
                throw new IllegalArgumentException("block " + name + ": a " + kind + " block cannot have size " + size);
            }
            if (kind == Kind.SOFTMAX && size < 2) {
                throw new IllegalArgumentException("block " + name + ": a softmax block needs at least 2 outputs");
            }
        }

        public int end() {
            return offset + size;
        }

        /** Index within this block of the largest value of {@code row} (a whole output row); the first on ties. */
        public int argmax(double[] row) {
            int best = 0;
            for (int i = 1; i < size; i++) {
                if (row[offset + i] > row[offset + best]) {
                    best = i;
                }
            }
            return best;
        }
    }

    public OutputLayout {
        blocks = List.copyOf(blocks);
        int expected = 0;
        for (Block b : blocks) {
            if (b.offset() != expected) {
                throw new IllegalArgumentException("block " + b.name() + " starts at " + b.offset()
                        + " but the previous block ends at " + expected);
            }
            expected = b.end();
        }
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("an output layout needs at least one block");
        }
    }

    /** Total number of outputs. */
    public int size() {
        return blocks.get(blocks.size() - 1).end();
    }

    /** Builds a layout block by block, computing offsets. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<Block> blocks = new ArrayList<>();
        private int next;

        public Builder flag(String name) {
            blocks.add(new Block(name, Kind.SIGMOID, next, 1));
            next += 1;
            return this;
        }

        public Builder exclusive(String name, int size) {
            blocks.add(new Block(name, Kind.SOFTMAX, next, size));
            next += size;
            return this;
        }

        public OutputLayout build() {
            return new OutputLayout(blocks);
        }
    }
}
