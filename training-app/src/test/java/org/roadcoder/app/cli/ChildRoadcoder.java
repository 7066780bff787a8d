package org.roadcoder.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.roadcoder.app.RoadcoderMain;

/**
 * The real {@code roadcoder} command line in a child JVM (the test classpath, roadcoder's JVM options),
 * for what needs a process of its own: {@code kill -9}, a second writer, limits set by the shell. Its
 * output (stdout and stderr together) is collected as it comes.
 */
final class ChildRoadcoder implements AutoCloseable {

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private ChildRoadcoder(Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                char[] buf = new char[4096];
                for (int n; (n = r.read(buf)) > 0; ) {
                    output.append(buf, 0, n);
                }
            } catch (IOException e) {
                // the child is gone
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code roadcoder ARGS}; {@code shellPrefix} (e.g. {@code "ulimit -f 64"}) runs first in a bash, or null. */
    static ChildRoadcoder start(String shellPrefix, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Dorg.eclipse.deeplearning4j.helpers.disable=false",
                "-Xmx1g", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                RoadcoderMain.class.getName()));
        command.addAll(List.of(args));
        if (shellPrefix != null) {
            List<String> quoted = command.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList();
            command = List.of("bash", "-c", shellPrefix + " && exec " + String.join(" ", quoted));
        }
        return new ChildRoadcoder(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    long pid() {
        return process.pid();
    }

    String output() {
        return output.toString();
    }

    /** Waits until the output contains {@code text}; false if the child ended or time ran out first. */
    boolean awaitOutput(String text, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (output.indexOf(text) >= 0) {
                return true;
            }
            if (!process.isAlive()) {
                reader.join(5000);
                return output.indexOf(text) >= 0;
            }
            Thread.sleep(5);
        }
        return false;
    }

    /** {@code kill -9}: SIGKILL, no shutdown hooks, no finally blocks; returns once the process is gone. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits for the child to finish; its exit code. */
    int exitCode(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("roadcoder child did not finish in " + seconds + " s:\n" + output());
        }
        reader.join(5000);
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill9();
        }
    }
}
