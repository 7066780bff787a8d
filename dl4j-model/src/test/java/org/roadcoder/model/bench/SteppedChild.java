package org.roadcoder.model.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark child (DL4J JVM or PyTorch) driven one timed step at a time: it warms up and prints
 * {@code READY}; each {@code step} written to it answers {@code STEP seconds}; {@code quit} ends it
 * with its {@code RESULT} line. A child that dies is remembered as failed and answers NaN from then on.
 */
final class SteppedChild {

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final List<String> log = new ArrayList<>();
    private String failure;

    private SteppedChild(Process process, String failure) {
        this.process = process;
        this.out = process == null ? null
                : new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = process == null ? null : new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.failure = failure;
    }

    static SteppedChild start(List<String> command) {
        return start(command, java.util.Map.of());
    }

    /** Starts {@code command} with {@code environment} added to this process's own. */
    static SteppedChild start(List<String> command, java.util.Map<String, String> environment) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().putAll(environment);
            return new SteppedChild(pb.start(), null);
        } catch (IOException e) {
            return failed("could not start " + command.get(0) + ": " + e.getMessage());
        }
    }

    static SteppedChild failed(String reason) {
        return new SteppedChild(null, reason);
    }

    /** Waits for the end of the warm-up; false if the child failed instead. */
    boolean awaitReady() {
        return readUntil("READY") != null;
    }

    /** One timed step, in seconds as the child measured it; NaN once the child has failed. */
    double step() {
        if (failure != null || !send("step")) {
            return Double.NaN;
        }
        String line = readUntil("STEP ");
        return line == null ? Double.NaN : Double.parseDouble(line.substring(5).trim());
    }

    /** Ends the child and returns its RESULT (peak memory and what it ran with), or why there is none. */
    ChildResult finish() {
        if (failure != null) {
            return ChildResult.failed(failure);
        }
        send("quit");
        String line = readUntil(ChildResult.PREFIX);
        if (line == null) {
            return ChildResult.failed(failure);
        }
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ChildResult.parse(List.of(line), 0);
    }

    private boolean send(String command) {
        try {
            in.write(command + "\n");
            in.flush();
            return true;
        } catch (IOException e) {
            readUntil("\u0000"); // collect the output that says why it died
            return false;
        }
    }

    /** Reads up to the first line starting with {@code prefix}; null (and a failure) at end of output. */
    private String readUntil(String prefix) {
        if (failure != null) {
            return null;
        }
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
                log.add(line);
            }
            failure = ChildResult.parse(log, process.waitFor()).failure();
        } catch (IOException e) {
            failure = "reading its output: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
        process.destroy();
        return null;
    }
}
