package org.nd4j.nativeblas;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Bridge for DL4J 1.0.0-M2.1's oneDNN check.
 *
 * <p>{@code org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper#mklDnnEnabled()} decides whether the
 * oneDNN layer helpers (convolution, batch norm, pooling, LRN) may run by reflecting on
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment#isUseMKLDNN}. ND4J M2.1 renamed that class to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and the method to
 * {@code isUseONEDNN}, so the check always fails and oneDNN is never used. This class restores the
 * old name and delegates to the real environment. It is found by name only; nothing calls it
 * directly. The CPU backend is looked up reflectively so the module also builds for the CUDA
 * backend, where DL4J never asks. See {@code org.roadcoder.model.runtime.Dl4jRuntime} and DESIGN.md.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    /** The old-named view of ND4J's native CPU environment. */
    public static final class Environment {

        private static final String REAL = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";
        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Whether the native library was built with oneDNN and has it switched on. */
        public boolean isUseMKLDNN() {
            try {
                return (boolean) method("isUseONEDNN", MethodType.methodType(boolean.class)).invoke(real());
            } catch (Throwable t) {
                throw new IllegalStateException("ND4J's CPU backend is not available: " + t, t);
            }
        }

        public void setUseMKLDNN(boolean use) {
            try {
                method("setUseONEDNN", MethodType.methodType(void.class, boolean.class)).invoke(real(), use);
            } catch (Throwable t) {
                throw new IllegalStateException("ND4J's CPU backend is not available: " + t, t);
            }
        }

        private static Object real() throws Throwable {
            Class<?> env = Class.forName(REAL);
            return MethodHandles.publicLookup().findStatic(env, "getInstance", MethodType.methodType(env)).invoke();
        }

        private static MethodHandle method(String name, MethodType type) throws ReflectiveOperationException {
            return MethodHandles.publicLookup().findVirtual(Class.forName(REAL), name, type);
        }
    }
}
