package org.roadcoder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.roadcoder.app.Browser;
import org.roadcoder.app.TestSurveys;
import org.roadcoder.app.export.CsvFile;
import org.roadcoder.app.review.ReviewServer;
import org.roadcoder.data.schema.LabelSchema;

/** The review page in a real headless Chromium: correct with the keyboard, undo, confirm, reload, train on it. */
class ReviewPageTest {

    static final Path SCHEMA = TestSurveys.repoRoot().resolve("data/labels.yaml");

    @TempDir
    Path dir;

    /**
     * A survey of 4 roads x 3 segments x 4 frames to be coded (no segments.csv), and the codes predict would
     * write for it: every attribute 0.9 sure, except r1s2's curvature (0.34, least sure) and r0s1's lane width (0.5).
     */
    private Path[] fixture() throws IOException {
        Path survey = TestSurveys.write(dir.resolve("survey"), 4, 3, 4);
        Files.delete(survey.resolve("segments.csv"));
        Files.delete(survey.resolve("frames_truth.csv"));
        Path coded = Files.createDirectories(dir.resolve("coded"));
        StringBuilder csv = new StringBuilder("segment_id,road_id,start_m,end_m," + TestSurveys.HEADER);
        for (String g : TestSurveys.HEADER.split(",")) {
            csv.append(',').append(g).append("_score");
        }
        csv.append('\n');
        for (int r = 0; r < 4; r++) {
            for (int s = 0; s < 3; s++) {
                String id = "r" + r + "s" + s;
                csv.append(String.format("%s,road%d,%d,%d,%s,moderate,none,wide,centre_line,two,absent,absent,absent,absent,absent",
                        id, r, s * 100, s * 100 + 100, r % 2 == 0 ? "urban" : "rural"));
                for (String g : TestSurveys.HEADER.split(",")) {
                    double score = id.equals("r1s2") && g.equals("curvature") ? 0.34
                            : id.equals("r0s1") && g.equals("lane_width") ? 0.5 : 0.9;
                    boolean flag = !List.of("curvature", "bicycle_facilities", "lane_width", "median_type", "number_of_lanes")
                            .contains(g);
                    boolean absent = flag && !(g.equals("area_type") && r % 2 == 0);
                    csv.append(',').append(absent ? String.valueOf(Math.round((1 - score) * 100) / 100.0) : String.valueOf(score));
                }
                csv.append('\n');
            }
        }
        Files.writeString(coded.resolve("segment_codes.csv"), csv);
        return new Path[] {survey, coded};
    }

    @Test
    void aKeyboardCorrectionIsSavedAtOnceAndSurvivesAReloadAndTheFileTrains() throws Exception {
        Path[] f = fixture();
        Path survey = f[0];
        Path out = survey.resolve("segments.csv");
        try (ReviewServer server = ReviewServer.start(LabelSchema.load(SCHEMA), f[1].resolve("segment_codes.csv"), survey,
                out, "127.0.0.1", 0);
             Browser browser = Browser.open(dir)) {
            assertThat(server.url()).startsWith("http://127.0.0.1:");
            WebDriver d = browser.driver();
            browser.open(server.url(), 30, w -> "1".equals(browser.script("return document.body.dataset.ready")));

            assertThat(current(d)).as("least confident first").isEqualTo("r1s2");
            assertThat(d.findElements(By.cssSelector("#roads .seg"))).hasSize(12);
            List<WebElement> frames = d.findElements(By.cssSelector("#frames img"));
            assertThat(frames).hasSize(4);
            new WebDriverWait(d, Duration.ofSeconds(10)).until(w -> frames.stream().allMatch(img ->
                    "32".equals(img.getDomProperty("naturalWidth"))));
            assertThat(frames.get(0).getSize().getWidth()).as("large enough to see").isGreaterThanOrEqualTo(200);
            assertThat(cell(d, "curvature", "model")).isEqualTo("moderate (34%)");

            keys(d, Keys.ARROW_DOWN, "3");
            saves(browser, 1);
            assertThat(saved(out, "r1s2")).containsEntry("curvature", "sharp").containsEntry("curvature_coded_by", "corrected")
                    .containsEntry("area_type_coded_by", "model");
            keys(d, "u");
            saves(browser, 2);
            assertThat(saved(out, "r1s2")).containsEntry("curvature", "moderate").containsEntry("curvature_coded_by", "model");
            keys(d, "3");
            saves(browser, 3);
            keys(d, Keys.ENTER);
            saves(browser, 4);
            assertThat(saved(out, "r1s2")).containsEntry("curvature_coded_by", "corrected")
                    .containsEntry("lane_width", "wide").containsEntry("lane_width_coded_by", "reviewed");
            new WebDriverWait(d, Duration.ofSeconds(5)).until(w -> current(d).equals("r0s1"));

            d.navigate().refresh();
            new WebDriverWait(d, Duration.ofSeconds(10)).until(w -> "1".equals(browser.script("return document.body.dataset.ready")));
            assertThat(current(d)).isEqualTo("r0s1");
            d.findElement(By.cssSelector("#roads .seg[data-id='r1s2']")).click();
            assertThat(cell(d, "curvature", "value")).isEqualTo("sharp");
            assertThat(cell(d, "curvature", "by")).isEqualTo("corrected");
            assertThat(d.findElement(By.cssSelector("#roads .seg[data-id='r1s2']")).getText()).isEqualTo("\u2713");
            String shots = System.getProperty("roadcoder.screenshots");
            if (shots != null) {
                Files.write(Path.of(shots).resolve("review-page.png"), browser.screenshot());
            }
        }
        assertThat(Files.readAllLines(out)).hasSize(13);
        assertThat(Files.list(survey).map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        CliRun v = CliRun.of("validate", survey.toString(), "--schema", SCHEMA.toString());
        assertThat(v.exitCode()).as(v.out() + v.err()).isZero();
        assertThat(v.out()).contains("valid, 48 frames, 12 segments, 4 roads");
        CliRun t = CliRun.of("train", survey.toString(), "--schema", SCHEMA.toString(), "--config",
                TestSurveys.tinyConfig(dir).toString(), "--out", dir.resolve("run").toString(), "--epochs", "1",
                "--max-batches", "1");
        assertThat(t.exitCode()).as(t.out() + t.err()).isZero();
        CliRun e = CliRun.of("export", out.toString(), "--survey", survey.toString(), "--out", dir.resolve("vida.csv").toString(),
                "--schema", SCHEMA.toString());
        assertThat(e.exitCode()).as(e.err()).isZero();
        CsvFile vida = CsvFile.read(dir.resolve("vida.csv"));
        assertThat(vida.rows()).hasSize(12);
        assertThat(CsvFile.cell(vida.rows().get(5), vida.require("Curvature"))).as("road1 at 0.2 km, corrected to sharp")
                .isEqualTo("3");
    }

    @Test
    void reviewRefusesAFolderWithoutSegmentCodes() throws IOException {
        Path[] f = fixture();
        CliRun r = CliRun.of("review", dir.toString(), "--survey", f[0].toString(), "--port", "0");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(r.err()).contains(dir.resolve("segment_codes.csv").toString()).contains("not found");
    }

    private static String current(WebDriver d) {
        return d.findElement(By.id("segment")).getDomAttribute("data-id");
    }

    private static String cell(WebDriver d, String group, String column) {
        return d.findElement(By.cssSelector("#attrs tr[data-group='" + group + "'] td." + column)).getText();
    }

    private static void keys(WebDriver d, CharSequence... keys) {
        d.findElement(By.tagName("body")).sendKeys(keys);
    }

    private static void saves(Browser b, int n) {
        new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(w -> String.valueOf(n).equals(
                b.script("return document.body.dataset.saves")));
    }

    private static Map<String, String> saved(Path out, String segment) {
        CsvFile csv = CsvFile.read(out);
        CsvFile.Row row = csv.rows().stream().filter(r -> r.cells().get(0).equals(segment)).findFirst().orElseThrow();
        return csv.header().stream().collect(Collectors.toMap(h -> h, h -> CsvFile.cell(row, csv.require(h))));
    }
}
