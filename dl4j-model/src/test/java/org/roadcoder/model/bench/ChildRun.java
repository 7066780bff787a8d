package org.roadcoder.model.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.roadcoder.model.runtime.Dl4jRuntime;

/** Runs one case of either side in a child process: a fresh JVM for DL4J, Debian's Python for PyTorch. */
final class ChildRun {

    static final String TORCH_INSTALL = "PyTorch is not installed for %s: apt-get update && apt-get install -y "
            + "python3-torch python3-torchvision (then run with /usr/bin/python3; the python3 on PATH may lack torch)";
    private static final Path SCRIPT = Path.of("dl4j-model/src/test/python/speed_bench.py");
    private static final long TIMEOUT_MINUTES = 15;

    private ChildRun() {
    }

    /** The DL4J side: this JVM's options (heap, add-opens, JavaCPP limits), the helpers property set as asked. */
    static ChildResult dl4j(SpeedCase c, SpeedSettings s) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-D" + Dl4jRuntime.HELPERS_PROPERTY + "=")).forEach(cmd::add);
        cmd.add("-D" + Dl4jRuntime.HELPERS_PROPERTY + "=" + !s.helpers());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Dl4jSpeedRun.class.getName()));
        cmd.addAll(s.toArgs(c));
        return run(cmd);
    }

    /** The PyTorch side, 2 threads, or a failure that says how to install PyTorch. */
    static ChildResult torch(SpeedCase c, SpeedSettings s) {
        Path script = Files.exists(SCRIPT) ? SCRIPT : Path.of("src/test/python/speed_bench.py");
        List<String> cmd = new ArrayList<>(List.of(s.python(), script.toString(), "--model", c.torchvisionName(),
                "--size", String.valueOf(c.size()), "--batch", String.valueOf(s.batchFor(c)), "--warmup",
                String.valueOf(s.warmupFor(c)), "--iters", String.valueOf(s.iterationsFor(c)), "--threads", "2"));
        if (c.training()) {
            cmd.add("--train");
        }
        if (!Files.isExecutable(Path.of(s.python()))) {
            return ChildResult.failed(String.format(TORCH_INSTALL, s.python()));
        }
        ChildResult r = run(cmd);
        return !r.ok() && r.failure().contains("TORCH_MISSING") ? ChildResult.failed(String.format(TORCH_INSTALL,
                s.python())) : r;
    }

    static ChildResult run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            List<String> output = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    output.add(line);
                }
            }
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return ChildResult.failed("timed out after " + TIMEOUT_MINUTES + " min");
            }
            return ChildResult.parse(output, p.exitValue());
        } catch (IOException e) {
            return ChildResult.failed("could not start " + cmd.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ChildResult.failed("interrupted");
        }
    }
}
