package org.roadcoder.model.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.roadcoder.model.runtime.Dl4jRuntime;

/** Starts one case of either side as a child process: a fresh JVM for DL4J, Debian's Python for PyTorch. */
final class ChildRun {

    static final String TORCH_INSTALL = "PyTorch is not installed for %s: apt-get update && apt-get install -y "
            + "python3-torch python3-torchvision (then run with /usr/bin/python3; the python3 on PATH may lack torch)";
    private static final Path SCRIPT = Path.of("dl4j-model/src/test/python/speed_bench.py");

    private ChildRun() {
    }

    /**
     * The DL4J side in one layout: this JVM's options (heap, add-opens, JavaCPP limits), the helpers
     * property set as asked, and the environment roadcoder's launcher gives it
     * ({@link Dl4jRuntime#NATIVE_ENVIRONMENT}). PyTorch runs in the environment a user's shell gives it.
     */
    static SteppedChild dl4j(SpeedCase c, CNN2DFormat format, SpeedSettings s) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-D" + Dl4jRuntime.HELPERS_PROPERTY + "=")).forEach(cmd::add);
        cmd.add("-D" + Dl4jRuntime.HELPERS_PROPERTY + "=" + !s.helpers());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Dl4jSpeedRun.class.getName()));
        cmd.addAll(s.toArgs(c, format));
        return SteppedChild.start(cmd, Dl4jRuntime.NATIVE_ENVIRONMENT);
    }

    /** The PyTorch side, 2 threads, or a failure that says how to install PyTorch. */
    static SteppedChild torch(SpeedCase c, SpeedSettings s) {
        Path script = Files.exists(SCRIPT) ? SCRIPT : Path.of("src/test/python/speed_bench.py");
        List<String> cmd = new ArrayList<>(List.of(s.python(), script.toString(), "--model", c.torchvisionName(),
                "--size", String.valueOf(c.size()), "--batch", String.valueOf(s.batchFor(c)), "--warmup",
                String.valueOf(s.warmupFor(c)), "--threads", "2", "--head", c.stock() ? "stock" : "roadcoder",
                "--width", String.valueOf(c.width()), "--hidden", String.valueOf(Math.max(c.hidden(), 1)),
                "--passes", String.valueOf(c.passes())));
        if (c.training()) {
            cmd.add("--train");
        }
        return Files.isExecutable(Path.of(s.python())) ? SteppedChild.start(cmd)
                : SteppedChild.failed(String.format(TORCH_INSTALL, s.python()));
    }
}
