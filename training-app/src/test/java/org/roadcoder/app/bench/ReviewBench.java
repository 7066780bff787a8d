package org.roadcoder.app.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.roadcoder.app.cli.RoadcoderCommand;
import org.roadcoder.app.config.ConfigLoader;
import org.roadcoder.app.config.RunConfig;
import org.roadcoder.app.predict.Predictor;
import org.roadcoder.app.review.ReviewQueue;
import org.roadcoder.app.run.RunFolder;
import org.roadcoder.app.train.TrainingJob;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.data.split.RoadSplit;
import org.roadcoder.data.survey.ReadOptions;
import org.roadcoder.data.survey.Survey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The learning-from-corrections bench (issue 15): trains on survey A, codes survey B (the unlabelled pool)
 * with {@code predict}, "reviews" N% of B's segments (the first N% of the review page's queue, or N% at
 * random) by taking their true labels from the simulator, retrains from scratch on A plus those segments
 * (same seed, epochs and validation roads as the model without review), and scores every model on survey C
 * with the quality bench's metric definition ({@link PredictionScores}). A program, not a test:
 * <pre>mvn -B -q -pl training-app -am test-compile exec:exec@review-bench -Dbench.args="--percents 5,10,20"</pre>
 */
@Command(name = "review-bench", mixinStandardHelpOptions = true)
public final class ReviewBench implements Callable<Integer> {

    @Option(names = "--out", description = "work folder (default: ${DEFAULT-VALUE})")
    Path out = Path.of("/tmp/roadcoder-review");
    @Option(names = "--percents", split = ",", description = "review shares of the pool, % (default: 5,10,20)")
    List<Double> percents = List.of(5.0, 10.0, 20.0);
    @Option(names = "--seeds", split = ",", description = "training seeds (default: 42)")
    List<Long> seeds = List.of(42L);
    @Option(names = "--random-seeds", split = ",", description = "draws of the random arm per training seed (default: 1,2,3)")
    List<Long> randomSeeds = List.of(1L, 2L, 3L);
    @Option(names = "--epochs") int epochs = 3;
    @Option(names = "--width") double width = 0.125;
    @Option(names = "--size") int size = 64;
    @Option(names = "--train-roads", description = "roads of survey A (default: ${DEFAULT-VALUE})") int trainRoads = 8;
    @Option(names = "--pool-roads", description = "roads of survey B (default: ${DEFAULT-VALUE})") int poolRoads = 10;
    @Option(names = "--test-roads", description = "roads of survey C (default: ${DEFAULT-VALUE})") int testRoads = 8;
    @Option(names = "--road-length-m") int roadLength = 1000;

    public static void main(String[] args) {
        String[] split = String.join(" ", args).trim().split("\\s+");
        System.exit(new CommandLine(new ReviewBench()).execute(split.length == 1 && split[0].isEmpty() ? new String[0] : split));
    }

    @Override
    public Integer call() throws Exception {
        Path schemaFile = Path.of("data/labels.yaml").toAbsolutePath();
        LabelSchema schema = LabelSchema.load(schemaFile);
        Files.createDirectories(out);
        Path a = simulate("A-train", trainRoads, 101);
        Path b = simulate("B-pool", poolRoads, 303);
        Path c = simulate("C-test", testRoads, 202);
        List<ReviewArm> arms = new ArrayList<>();
        for (long seed : seeds) {
            RunConfig config = config(seed);
            RoadSplit base = TrainingJob.split(config, Survey.load(a, schema, ReadOptions.defaults()).frames());
            Path noneRun = out.resolve("s" + seed + "/none");
            double t = train(config, a, schemaFile, noneRun, base);
            arms.add(new ReviewArm("none", 0, seed, -1, List.of(), 0, score(noneRun, c, schema), t));
            Path coded = out.resolve("s" + seed + "/pool-coded");
            execute("predict", noneRun.resolve("run").toString(), b.toString(), "--out", coded.toString());
            Path codes = coded.resolve(Predictor.SEGMENT_FILE);
            List<String> queue = ReviewQueue.of(schema, codes, b);
            for (double pct : percents) {
                int n = ReviewPick.count(queue.size(), pct);
                arms.add(arm("least_confident", pct, seed, -1, ReviewPick.leastConfident(queue, n), config, a, b, c,
                        schemaFile, schema, base, codes));
                for (long r : randomSeeds) {
                    arms.add(arm("random", pct, seed, r, ReviewPick.random(queue, n, r), config, a, b, c, schemaFile,
                            schema, base, codes));
                }
            }
        }
        ReviewTable table = new ReviewTable(arms, String.format("A %d roads (seed 101), pool B %d roads (seed 303), "
                + "test C %d roads (seed 202), %d m each, no coder errors; VGG11-BN width %s, %d px, %d epochs, "
                + "training seeds %s, random draws %s; every arm retrained from scratch", trainRoads, poolRoads,
                testRoads, roadLength, width, size, epochs, seeds, randomSeeds));
        Files.writeString(out.resolve("review.md"), table.markdown());
        Files.writeString(out.resolve("review.json"), table.json());
        System.out.println(table.markdown());
        System.out.println("written: " + out.resolve("review.md") + ", " + out.resolve("review.json"));
        return 0;
    }

    private ReviewArm arm(String strategy, double pct, long seed, long pick, List<String> reviewed, RunConfig config,
            Path a, Path b, Path c, Path schemaFile, LabelSchema schema, RoadSplit base, Path codes) throws Exception {
        String name = strategy + "-" + pct + (pick >= 0 ? "-r" + pick : "");
        Path dir = out.resolve("s" + seed + "/" + name);
        Path survey = dir.resolve("survey");
        List<String> poolRoadIds = ReviewedSurvey.write(survey, a, b, new HashSet<>(reviewed));
        List<String> trainRoadIds = new ArrayList<>(base.trainRoads());
        trainRoadIds.addAll(poolRoadIds);
        RoadSplit split = new RoadSplit(trainRoadIds, base.validationRoads(), List.of());
        double t = train(config, survey, schemaFile, dir, split);
        int corrected = Corrections.count(schema, codes, b.resolve("segments.csv"), reviewed);
        return new ReviewArm(strategy, pct, seed, pick, reviewed, corrected, score(dir, c, schema), t);
    }

    private RunConfig config(long seed) {
        Map<String, String> s = Recipe.POC.settings(width, size, epochs, seed, List.of());
        s.put("training.stats_every", "0");
        return ConfigLoader.load(null, s.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private static double train(RunConfig config, Path survey, Path schemaFile, Path dir, RoadSplit split) {
        long t0 = System.nanoTime();
        PrintWriter stdout = new PrintWriter(System.out, true);
        new TrainingJob(new RunFolder(dir.resolve("run")), config, 0, stdout, stdout).optSplit(split)
                .start(survey, schemaFile, List.of("review-bench"));
        return (System.nanoTime() - t0) / 1e9;
    }

    private static PredictionScores score(Path armDir, Path test, LabelSchema schema) {
        Path pred = armDir.resolve("test-coded");
        execute("predict", armDir.resolve("run").toString(), test.toString(), "--out", pred.toString());
        return PredictionScores.score(pred.resolve(Predictor.FRAME_FILE), test, schema);
    }

    /** Surveys without coder errors (the simulator's default), so B's segments.csv is the truth a review finds. */
    private Path simulate(String name, int roads, long seed) {
        Path dir = out.resolve(String.format("%s-%dx%dm-%dpx-s%d", name, roads, roadLength, size, seed));
        if (Files.isRegularFile(dir.resolve("frames_truth.csv"))) {
            return dir;
        }
        execute("simulate", "--out", dir.toString(), "--overwrite", "--roads", Integer.toString(roads),
                "--road-length-m", Integer.toString(roadLength), "--size", Integer.toString(size), "--seed",
                Long.toString(seed));
        return dir;
    }

    private static void execute(String... args) {
        int rc = RoadcoderCommand.commandLine().execute(args);
        if (rc != 0) {
            throw new IllegalStateException("roadcoder " + String.join(" ", args) + " failed with exit code " + rc);
        }
    }
}
