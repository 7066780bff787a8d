package org.nd4j.nativeblas;

/**
 * Bridge for DL4J 1.0.0-M2.1's oneDNN check.
 *
 * <p>{@code org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper#mklDnnEnabled()} decides whether the
 * oneDNN layer helpers (convolution, batch norm, pooling, LRN) may run by reflecting on
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment#isUseMKLDNN}. ND4J M2.1 renamed that class to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and the method to
 * {@code isUseONEDNN}, so the check always fails and oneDNN is never used. This class restores the
 * old name and delegates to the real environment. It is found by name only; nothing calls it directly.
 * See {@code org.roadcoder.model.runtime.Dl4jRuntime} and DESIGN.md.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    /** The old-named view of ND4J's native environment. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Whether the native library was built with oneDNN and has it switched on. */
        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }

        public void setUseMKLDNN(boolean use) {
            org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().setUseONEDNN(use);
        }
    }
}
