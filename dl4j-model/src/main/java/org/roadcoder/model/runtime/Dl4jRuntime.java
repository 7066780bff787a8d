package org.roadcoder.model.runtime;

/**
 * JVM-wide DL4J settings every roadcoder entry point applies before it builds a network.
 *
 * <p>DL4J 1.0.0-M2.1 creates no layer helpers unless {@value #HELPERS_PROPERTY} is {@code false}; with
 * the helpers (and the {@code org.nd4j.nativeblas.Nd4jCpu} bridge in this module) convolution,
 * batch norm and pooling run through oneDNN, 2.8-4.4x faster on CPU (DESIGN.md). The launcher and
 * the test JVMs pass the property on the command line; {@link #configure()} covers
 * {@code mvn exec:java} and embedding, where the JVM is already running. A user's explicit
 * {@code -D...=true} is respected.
 */
public final class Dl4jRuntime {

    /**
     * Environment the launcher gives the JVM: glibc hands allocations of 4 MB and more straight back to
     * the system when freed. oneDNN's temporary buffers (16-130 MB in a VGG training step) otherwise
     * stay in malloc's arenas once glibc's adaptive threshold has grown past them, and the process keeps
     * them as resident memory: 2.93 GB peak against 2.45 GB for VGG11-BN training at 224 px, batch 16
     * ({@code docs/performance.md}). Read at process start, so only a launcher can set it.
     */
    public static final java.util.Map<String, String> NATIVE_ENVIRONMENT = java.util.Map.of("MALLOC_MMAP_THRESHOLD_",
            "4194304");

    /** DL4J's switch for cuDNN / oneDNN layer helpers; its default is {@code true} (disabled). */
    public static final String HELPERS_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private Dl4jRuntime() {
    }

    /** Turns DL4J's layer helpers on unless the user set the property explicitly. Idempotent. */
    public static void configure() {
        if (System.getProperty(HELPERS_PROPERTY) == null) {
            System.setProperty(HELPERS_PROPERTY, "false");
        }
    }

    /** Whether DL4J will create layer helpers in this JVM. */
    public static boolean helpersEnabled() {
        return !Boolean.parseBoolean(System.getProperty(HELPERS_PROPERTY, "true"));
    }
}
