package org.roadcoder.model.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * What one benchmark run measures and with which DL4J settings; parsed from the command line and
 * written back for the child JVMs ({@link #toArgs()}), so parent and children agree.
 *
 * @param cases      the cases, in order
 * @param format     convolution data layout of the backbone (NCHW is DL4J's default)
 * @param workspace  training and inference workspace mode
 * @param helpers    DL4J layer helpers (oneDNN on CPU) on or off
 * @param batch      batch size; 0 = each case's own (16 training, 8 inference)
 * @param dtype      network and input data type
 * @param repeats    how often the whole case list runs (DL4J and PyTorch interleaved each time)
 * @param warmup     untimed steps; -1 = each case's own
 * @param iterations timed steps; 0 = each case's own
 * @param torch      whether to run the PyTorch side
 * @param python     the Python that has torch (Debian's, not the one on PATH)
 * @param zooGraph   full-width VGG16 as the DL4J zoo's graph (NCHW only) or, off, from roadcoder's layer list
 * @param tuned      roadcoder's tuned convolution, batch-norm and ReLU layers (the default) or DL4J's stock ones
 */
record SpeedSettings(List<SpeedCase> cases, CNN2DFormat format, WorkspaceMode workspace, boolean helpers, int batch,
        DataType dtype, int repeats, int warmup, int iterations, boolean torch, String python, boolean zooGraph,
        boolean tuned) {

    static final String USAGE = "[--case id,id] [--format nchw|nhwc] [--workspace enabled|none] [--helpers on|off] "
            + "[--batch N] [--dtype float|half|bfloat16|double] [--repeats N] [--warmup N] [--iterations N] "
            + "[--torch on|off] [--python PATH] [--zoo-graph on|off] [--layers tuned|stock]";

    SpeedSettings {
        cases = List.copyOf(cases);
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("at least one case");
        }
        if (batch < 0 || repeats < 1 || warmup < -1 || iterations < 0) {
            throw new IllegalArgumentException("batch " + batch + ", repeats " + repeats + ", warmup " + warmup
                    + ", iterations " + iterations + ": batch, warmup and iterations must be >= 0, repeats >= 1");
        }
        if (!dtype.isFPType()) {
            throw new IllegalArgumentException("dtype must be a floating point type, got " + dtype);
        }
    }

    static SpeedSettings defaults() {
        return new SpeedSettings(List.of(SpeedCase.values()), CNN2DFormat.NCHW, WorkspaceMode.ENABLED, true, 0,
                DataType.FLOAT, 1, -1, 0, true, "/usr/bin/python3", true, true);
    }

    int batchFor(SpeedCase c) {
        return batch > 0 ? batch : c.batch();
    }

    int warmupFor(SpeedCase c) {
        return warmup >= 0 ? warmup : c.warmup();
    }

    int iterationsFor(SpeedCase c) {
        return iterations > 0 ? iterations : c.iterations();
    }

    static SpeedSettings parse(String... args) {
        SpeedSettings s = defaults();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value; usage: " + USAGE);
            }
            String v = args[++i].toLowerCase(Locale.ROOT);
            s = switch (name) {
                case "--case" -> s.with(Arrays.stream(v.split(",")).map(SpeedCase::fromId).toList());
                case "--format" -> s.withFormat(CNN2DFormat.valueOf(v.toUpperCase(Locale.ROOT)));
                case "--workspace" -> s.withWorkspace(WorkspaceMode.valueOf(v.toUpperCase(Locale.ROOT)));
                case "--helpers" -> s.withHelpers(onOff(name, v));
                case "--batch" -> s.withNumbers(Integer.parseInt(v), s.repeats, s.warmup, s.iterations);
                case "--dtype" -> s.withDtype(DataType.valueOf(v.toUpperCase(Locale.ROOT)));
                case "--repeats" -> s.withNumbers(s.batch, Integer.parseInt(v), s.warmup, s.iterations);
                case "--warmup" -> s.withNumbers(s.batch, s.repeats, Integer.parseInt(v), s.iterations);
                case "--iterations" -> s.withNumbers(s.batch, s.repeats, s.warmup, Integer.parseInt(v));
                case "--torch" -> s.withTorch(onOff(name, v), s.python);
                case "--python" -> s.withTorch(s.torch, args[i]);
                case "--zoo-graph" -> new SpeedSettings(s.cases, s.format, s.workspace, s.helpers, s.batch, s.dtype,
                        s.repeats, s.warmup, s.iterations, s.torch, s.python, onOff(name, v), s.tuned);
                case "--layers" -> new SpeedSettings(s.cases, s.format, s.workspace, s.helpers, s.batch, s.dtype,
                        s.repeats, s.warmup, s.iterations, s.torch, s.python, s.zooGraph, switch (v) {
                            case "tuned" -> true;
                            case "stock" -> false;
                            default -> throw new IllegalArgumentException("--layers takes tuned or stock, got " + v);
                        });
                default -> throw new IllegalArgumentException("unknown option " + name + "; usage: " + USAGE);
            };
        }
        return s;
    }

    /** The command line that parses back to these settings, for one case. */
    List<String> toArgs(SpeedCase c) {
        List<String> a = new ArrayList<>(List.of("--case", c.id(), "--format", format.name(), "--workspace",
                workspace.name(), "--helpers", helpers ? "on" : "off", "--batch", String.valueOf(batch), "--dtype",
                dtype.name(), "--warmup", String.valueOf(warmup), "--iterations", String.valueOf(iterations)));
        a.addAll(List.of("--torch", torch ? "on" : "off", "--python", python, "--zoo-graph", zooGraph ? "on" : "off",
                "--layers", tuned ? "tuned" : "stock"));
        return a;
    }

    private static boolean onOff(String name, String v) {
        return switch (v) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalArgumentException(name + " takes on or off, got " + v);
        };
    }

    SpeedSettings with(List<SpeedCase> newCases) {
        return new SpeedSettings(newCases, format, workspace, helpers, batch, dtype, repeats, warmup, iterations,
                torch, python, zooGraph, tuned);
    }

    SpeedSettings withFormat(CNN2DFormat f) {
        return new SpeedSettings(cases, f, workspace, helpers, batch, dtype, repeats, warmup, iterations,
                torch, python, zooGraph, tuned);
    }

    SpeedSettings withWorkspace(WorkspaceMode w) {
        return new SpeedSettings(cases, format, w, helpers, batch, dtype, repeats, warmup, iterations,
                torch, python, zooGraph, tuned);
    }

    SpeedSettings withHelpers(boolean h) {
        return new SpeedSettings(cases, format, workspace, h, batch, dtype, repeats, warmup, iterations,
                torch, python, zooGraph, tuned);
    }

    SpeedSettings withDtype(DataType d) {
        return new SpeedSettings(cases, format, workspace, helpers, batch, d, repeats, warmup, iterations,
                torch, python, zooGraph, tuned);
    }

    SpeedSettings withNumbers(int b, int r, int w, int n) {
        return new SpeedSettings(cases, format, workspace, helpers, b, dtype, r, w, n, torch, python, zooGraph, tuned);
    }

    SpeedSettings withTorch(boolean t, String py) {
        return new SpeedSettings(cases, format, workspace, helpers, batch, dtype, repeats, warmup, iterations,
                t, py, zooGraph, tuned);
    }

    /** One line for the report header. */
    String describe() {
        return String.format(Locale.ROOT, "format %s, workspace %s, helpers %s, batch %s, dtype %s, repeats %d, "
                + "full-width vgg16 from %s, %s layers", format, workspace, helpers ? "on" : "off", batch > 0 ? batch : "per case",
                dtype, repeats, zooGraph && format == CNN2DFormat.NCHW ? "the zoo's graph" : "our layer list",
                tuned ? "roadcoder's tuned" : "DL4J's stock");
    }
}
