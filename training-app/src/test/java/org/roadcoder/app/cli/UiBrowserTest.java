package org.roadcoder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.app.Browser;
import org.roadcoder.app.TestSurveys;
import org.roadcoder.app.ui.ListeningSockets;

/**
 * The DL4J training UI in a real headless Chromium ({@link Browser}): {@code train --ui} serves live,
 * {@code ui RUN} serves a stored run on 127.0.0.1 only, and the overview page draws the run's score chart.
 */
class UiBrowserTest {

    private static final String SCORE_SERIES = """
            var plot = window.jQuery && jQuery('#scoreiterchart').data('plot');
            return plot ? plot.getData().map(function (s) { return s.data.length; }) : null;""";

    @Test
    void storedRunIsServedOnLoopbackOnlyAndTheOverviewDrawsTheScoreChart(@TempDir Path dir) throws Exception {
        Path survey = TestSurveys.write(dir.resolve("survey"), 4, 3, 4);
        Path run = dir.resolve("run");
        int livePort = freePort();
        CliRun train = CliRun.of("train", survey.toString(), "--schema",
                TestSurveys.repoRoot().resolve("data/labels.yaml").toString(), "--config",
                TestSurveys.tinyConfig(dir).toString(), "--out", run.toString(), "--max-batches", "2", "--ui",
                "--ui-port", String.valueOf(livePort), "--set", "training.stats_every=1");
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("training UI: http://127.0.0.1:" + livePort + "/train/overview");
        assertThat(run.resolve("ui-stats.dl4j")).isRegularFile();

        int port = freePort();
        CompletableFuture<CliRun> ui = CompletableFuture.supplyAsync(() -> CliRun.of("ui", run.toString(), "--port",
                String.valueOf(port), "--serve-seconds", "60"));
        awaitListening(port);

        assertThat(ListeningSockets.on(port)).as("where the UI listens; %s", ui.isDone() ? ui.get().err() : "running")
                .containsExactly(InetAddress.getByName("127.0.0.1"));
        try (Browser browser = Browser.open(dir)) {
            List<?> series = browser.open("http://127.0.0.1:" + port + "/train/overview", 60,
                    d -> (List<?>) browser.script("var s = (function () {" + SCORE_SERIES + "})();"
                            + " return s && s.length > 0 && s[0] > 0 ? s : null;"));
            // 2 epochs x 2 batches, one report per iteration: the chart's score series has a point for each
            assertThat(series).first().isEqualTo(4L);
            assertThat(browser.driver().getPageSource()).contains("Model Score vs. Iteration");
            assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector(
                    "#scoreiterchart canvas.flot-base"))).hasSize(1);
            assertThat(browser.screenshot().length).isGreaterThan(10_000);
        }
        ui.cancel(true);
    }

    @Test
    void theBindingCheckSeesAServerOnEveryInterface() throws IOException {
        try (ServerSocket all = new ServerSocket()) {
            all.bind(new InetSocketAddress(0));
            assertThat(ListeningSockets.on(all.getLocalPort())).isNotEmpty()
                    .allMatch(InetAddress::isAnyLocalAddress);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        for (int i = 0; i < 120 && !connects(InetAddress.getLoopbackAddress(), port); i++) {
            Thread.sleep(250);
        }
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
