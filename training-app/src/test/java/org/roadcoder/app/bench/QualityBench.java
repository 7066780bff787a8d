package org.roadcoder.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.roadcoder.app.cli.RoadcoderCommand;
import org.roadcoder.app.run.Provenance;
import org.roadcoder.data.schema.LabelSchema;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The quality benchmark (issue 12): simulates a training and a test survey (or takes two), trains roadcoder
 * with a named recipe and the proof of concept's method in PyTorch on the same training roads, width, input
 * size and epochs, scores both test predictions with one definition ({@link PredictionScores}) and writes a
 * side-by-side table ({@code quality-RECIPE.md}, {@code quality-RECIPE.json}; RECIPE: the recipe or
 * {@code --name}). A program, not a test:
 * <pre>mvn -B -q -pl training-app -am test-compile exec:exec@quality-bench -Dbench.args="--preset quick"</pre>
 */
@Command(name = "quality-bench", mixinStandardHelpOptions = true)
public final class QualityBench implements Callable<Integer> {

    @Option(names = "--preset", description = "default (40 roads of 2 km at 128 px, 1/4 width, 3 epochs) or quick "
            + "(20 roads at 64 px, 2 epochs); the options below override it")
    String preset = "default";
    @Option(names = "--out", description = "work folder (default: ${DEFAULT-VALUE})")
    Path out = Path.of("/tmp/roadcoder-quality");
    @Option(names = "--train-survey", description = "a given training survey instead of a simulated one")
    Path trainSurvey;
    @Option(names = "--test-survey", description = "a given test survey (with frames_truth.csv)")
    Path testSurvey;
    @Option(names = "--recipe", description = "roadcoder's recipe: poc | best (default: ${DEFAULT-VALUE})")
    String recipe = "poc";
    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "a configuration key over the recipe's "
            + "(repeatable), to try a variant of it; the run is then named by --name")
    List<String> sets = new ArrayList<>();
    @Option(names = "--name", description = "the roadcoder side's name in the table and its run folders (default: "
            + "the recipe's id; required with --set)")
    String name;
    @Option(names = "--seeds", split = ",", description = "training seeds; scores are their mean (default: 42)")
    List<Long> seeds = List.of(42L);
    @Option(names = "--epochs") Integer epochs;
    @Option(names = "--width") Double width;
    @Option(names = "--size") Integer size;
    @Option(names = "--train-roads") Integer trainRoads;
    @Option(names = "--test-roads") Integer testRoads;
    @Option(names = "--road-length-m") Integer roadLength;
    @Option(names = "--no-torch", description = "skip the PyTorch reference")
    boolean noTorch;
    @Option(names = "--python", description = "Python with torch (default: ${DEFAULT-VALUE})")
    String python = "/usr/bin/python3";

    public static void main(String[] args) {
        // exec:exec passes -Dbench.args as one argument
        String[] split = String.join(" ", args).trim().split("\\s+");
        System.exit(new CommandLine(new QualityBench()).execute(split.length == 1 && split[0].isEmpty() ? new String[0] : split));
    }

    @Override
    public Integer call() throws Exception {
        boolean quick = "quick".equals(preset);
        int ep = epochs != null ? epochs : quick ? 2 : 3;
        double w = width != null ? width : 0.25;
        int px = size != null ? size : quick ? 64 : 128;
        Path schemaFile = Path.of("data/labels.yaml").toAbsolutePath();
        LabelSchema schema = LabelSchema.load(schemaFile);
        Files.createDirectories(out);
        Path train = trainSurvey != null ? trainSurvey : simulate("train", trainRoads != null ? trainRoads : quick ? 20 : 40,
                roadLength != null ? roadLength : 2000, px, 101);
        Path test = testSurvey != null ? testSurvey : simulate("test", testRoads != null ? testRoads : 12,
                roadLength != null ? roadLength : quick ? 1000 : 2000, px, 202);
        Recipe r = Recipe.fromId(recipe);
        if (!sets.isEmpty() && (name == null || name.isBlank())) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--set " + sets + " needs --name, to tell its runs from the recipe's own");
        }
        String side = name != null ? name : r.id();
        List<SideResult> ours = new ArrayList<>();
        List<SideResult> torch = new ArrayList<>();
        for (long seed : seeds) {
            Path run = out.resolve("roadcoder-" + side + "-s" + seed);
            SideResult rc = RoadcoderSide.run(r.settings(w, px, ep, seed, sets), train, test, schemaFile, run);
            ours.add(rc.scored(PredictionScores.score(rc.predictions(), test, schema)));
            if (!noTorch) {
                List<String> roads = Provenance.read(run.resolve("run/provenance.json")).split().get("train");
                SideResult pt = TorchSide.run(python, train, test, schemaFile, out.resolve("pytorch-s" + seed), roads, w,
                        px, ep, seed);
                if (pt != null) {
                    torch.add(pt.scored(PredictionScores.score(pt.predictions(), test, schema)));
                }
            }
        }
        QualityTable table = new QualityTable(schema, "roadcoder " + side, ours, "PyTorch poc", torch,
                String.format("train %s, test %s, VGG11-BN width %s, %d px, %d epochs, seeds %s; roadcoder recipe %s%s",
                        train, test, w, px, ep, seeds, r.id(), sets.isEmpty() ? "" : " with --set " + String.join(" ", sets)));
        Path md = out.resolve("quality-" + side + ".md");
        Path json = out.resolve("quality-" + side + ".json");
        Files.writeString(md, table.markdown());
        Files.writeString(json, table.json());
        System.out.println(table.markdown());
        System.out.println("written: " + md + ", " + json);
        return 0;
    }

    private Path simulate(String name, int roads, int lengthM, int px, long seed) {
        Path dir = out.resolve(String.format("%s-%dx%dm-%dpx-s%d", name, roads, lengthM, px, seed));
        if (Files.isRegularFile(dir.resolve("frames_truth.csv"))) {
            return dir;
        }
        int rc = RoadcoderCommand.commandLine().execute("simulate", "--out", dir.toString(), "--overwrite",
                "--roads", Integer.toString(roads), "--road-length-m", Integer.toString(lengthM), "--size",
                Integer.toString(px), "--seed", Long.toString(seed));
        if (rc != 0) {
            throw new IllegalStateException("simulate " + dir + " failed with exit code " + rc);
        }
        return dir;
    }
}
