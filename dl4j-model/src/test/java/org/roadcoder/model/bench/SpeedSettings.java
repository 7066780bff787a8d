package org.roadcoder.model.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * What one benchmark run measures and with which DL4J settings; parsed from the command line and
 * written back for the child JVMs ({@link #toArgs}), so parent and children agree.
 *
 * @param cases      the cases, in order
 * @param formats    convolution data layouts of the DL4J side, each timed beside the same PyTorch run;
 *                   empty = each case's own ({@link SpeedCase#formats()}: NCHW and NHWC for inference)
 * @param workspace  training and inference workspace mode
 * @param helpers    DL4J layer helpers (oneDNN on CPU) on or off
 * @param batch      batch size; 0 = each case's own (16 training, 8 inference)
 * @param dtype      network and input data type
 * @param repeats    how often the whole case list runs (DL4J and PyTorch interleaved each time)
 * @param warmup     untimed steps; -1 = each case's own
 * @param iterations timed steps; 0 = each case's own
 * @param torch      whether to run the PyTorch side
 * @param python     the Python that has torch (Debian's, not the one on PATH)
 * @param zooGraph   full-width VGG16 as the DL4J zoo's graph or, off, from roadcoder's layer list
 * @param call       how an inference step calls the graph: {@code outputSingle(false, x)} (what
 *                   prediction does) or {@code output(x)[0]}
 * @param tuned      roadcoder's tuned convolution, batch-norm and ReLU layers (the default) or DL4J's stock ones
 */
record SpeedSettings(List<SpeedCase> cases, List<CNN2DFormat> formats, WorkspaceMode workspace, boolean helpers,
        int batch, DataType dtype, int repeats, int warmup, int iterations, boolean torch, String python,
        boolean zooGraph, Call call, boolean tuned) {

    /** The inference call timed. */
    enum Call { SINGLE, OUTPUT }

    static final String USAGE = "[--case id,id] [--format nchw|nhwc|nchw,nhwc] [--workspace enabled|none] "
            + "[--helpers on|off] [--batch N] [--dtype float|half|bfloat16|double] [--repeats N] [--warmup N] "
            + "[--iterations N] [--torch on|off] [--python PATH] [--zoo-graph on|off] [--call single|output] "
            + "[--layers tuned|stock]";

    SpeedSettings {
        cases = List.copyOf(cases);
        formats = List.copyOf(formats);
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
        return new SpeedSettings(List.of(SpeedCase.values()), List.of(), WorkspaceMode.ENABLED, true, 0,
                DataType.FLOAT, 1, -1, 0, true, "/usr/bin/python3", true, Call.SINGLE, true);
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

    List<CNN2DFormat> formatsFor(SpeedCase c) {
        return formats.isEmpty() ? c.formats() : formats;
    }

    /** The one layout of a single-layout run (a child JVM, the profiler): the one named, NCHW if none. */
    CNN2DFormat format() {
        if (formats.size() > 1) {
            throw new IllegalStateException("a DL4J child runs one layout, not " + formats);
        }
        return formats.isEmpty() ? CNN2DFormat.NCHW : formats.get(0);
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
                case "--case" -> s.with(Arrays.stream(v.split(",")).flatMap(w -> SpeedCase.named(w).stream()).distinct()
                        .toList(), s.formats);
                case "--format" -> s.with(s.cases, Arrays.stream(v.split(","))
                        .map(f -> CNN2DFormat.valueOf(f.toUpperCase(Locale.ROOT))).distinct().toList());
                case "--workspace" -> s.withDl4j(WorkspaceMode.valueOf(v.toUpperCase(Locale.ROOT)), s.helpers, s.dtype,
                        s.zooGraph, s.call);
                case "--helpers" -> s.withDl4j(s.workspace, onOff(name, v), s.dtype, s.zooGraph, s.call);
                case "--dtype" -> s.withDl4j(s.workspace, s.helpers, DataType.valueOf(v.toUpperCase(Locale.ROOT)),
                        s.zooGraph, s.call);
                case "--zoo-graph" -> s.withDl4j(s.workspace, s.helpers, s.dtype, onOff(name, v), s.call);
                case "--call" -> s.withDl4j(s.workspace, s.helpers, s.dtype, s.zooGraph,
                        Call.valueOf(v.toUpperCase(Locale.ROOT)));
                case "--layers" -> new SpeedSettings(s.cases, s.formats, s.workspace, s.helpers, s.batch, s.dtype,
                        s.repeats, s.warmup, s.iterations, s.torch, s.python, s.zooGraph, s.call, switch (v) {
                            case "tuned" -> true;
                            case "stock" -> false;
                            default -> throw new IllegalArgumentException("--layers takes tuned or stock, got " + v);
                        });
                case "--batch" -> s.withNumbers(Integer.parseInt(v), s.repeats, s.warmup, s.iterations);
                case "--repeats" -> s.withNumbers(s.batch, Integer.parseInt(v), s.warmup, s.iterations);
                case "--warmup" -> s.withNumbers(s.batch, s.repeats, Integer.parseInt(v), s.iterations);
                case "--iterations" -> s.withNumbers(s.batch, s.repeats, s.warmup, Integer.parseInt(v));
                case "--torch" -> s.withTorch(onOff(name, v), s.python);
                case "--python" -> s.withTorch(s.torch, args[i]);
                default -> throw new IllegalArgumentException("unknown option " + name + "; usage: " + USAGE);
            };
        }
        return s;
    }

    /** The command line that parses back to these settings, for one case in one layout (a child JVM's). */
    List<String> toArgs(SpeedCase c, CNN2DFormat format) {
        List<String> a = new ArrayList<>(List.of("--case", c.id(), "--format", format.name(), "--workspace",
                workspace.name(), "--helpers", helpers ? "on" : "off", "--batch", String.valueOf(batch), "--dtype",
                dtype.name(), "--warmup", String.valueOf(warmup), "--iterations", String.valueOf(iterations)));
        a.addAll(List.of("--torch", torch ? "on" : "off", "--python", python, "--zoo-graph", zooGraph ? "on" : "off",
                "--call", call.name(), "--layers", tuned ? "tuned" : "stock"));
        return a;
    }

    private static boolean onOff(String name, String v) {
        return switch (v) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalArgumentException(name + " takes on or off, got " + v);
        };
    }

    SpeedSettings with(List<SpeedCase> newCases, List<CNN2DFormat> newFormats) {
        return new SpeedSettings(newCases, newFormats, workspace, helpers, batch, dtype, repeats, warmup, iterations,
                torch, python, zooGraph, call, tuned);
    }

    SpeedSettings withDl4j(WorkspaceMode w, boolean h, DataType d, boolean zoo, Call newCall) {
        return new SpeedSettings(cases, formats, w, h, batch, d, repeats, warmup, iterations, torch, python, zoo,
                newCall, tuned);
    }

    SpeedSettings withNumbers(int b, int r, int w, int n) {
        return new SpeedSettings(cases, formats, workspace, helpers, b, dtype, r, w, n, torch, python, zooGraph, call,
                tuned);
    }

    SpeedSettings withTorch(boolean t, String py) {
        return new SpeedSettings(cases, formats, workspace, helpers, batch, dtype, repeats, warmup, iterations, t, py,
                zooGraph, call, tuned);
    }

    /** One line for the report header. */
    String describe() {
        return String.format(Locale.ROOT, "format %s, workspace %s, helpers %s, batch %s, dtype %s, repeats %d, "
                        + "full-width vgg16 from %s, inference call %s, %s layers",
                formats.isEmpty() ? "per case (inference NCHW and NHWC, training NCHW)"
                        : formats.stream().map(Enum::name).collect(Collectors.joining(" and ")),
                workspace, helpers ? "on" : "off", batch > 0 ? batch : "per case", dtype, repeats,
                zooGraph ? "the zoo's graph (NHWC: converted from it)" : "our layer list",
                call == Call.SINGLE ? "outputSingle(false, x)" : "output(x)",
                tuned ? "roadcoder's tuned" : "DL4J's stock");
    }
}
