package org.roadcoder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.app.TestSurveys;

/**
 * The DL4J training UI in a real headless Chromium (Debian package {@code chromium}; CI installs it):
 * {@code train --ui} serves live, {@code ui RUN} serves a stored run on 127.0.0.1 only, and the
 * overview page draws the run's score chart.
 */
class UiBrowserTest {

    @Test
    void storedRunIsServedOnLoopbackOnlyAndTheOverviewDrawsTheScoreChart(@TempDir Path dir) throws Exception {
        Path survey = TestSurveys.write(dir.resolve("survey"), 4, 3, 4);
        Path run = dir.resolve("run");
        int livePort = freePort();
        CliRun train = CliRun.of("train", survey.toString(), "--schema",
                TestSurveys.repoRoot().resolve("data/labels.yaml").toString(), "--config",
                TestSurveys.tinyConfig(dir).toString(), "--out", run.toString(), "--max-batches", "2", "--ui",
                "--ui-port", String.valueOf(livePort));
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("training UI: http://127.0.0.1:" + livePort + "/train/overview");
        assertThat(run.resolve("ui-stats.dl4j")).isRegularFile();

        int port = freePort();
        CompletableFuture<CliRun> ui = CompletableFuture.supplyAsync(() -> CliRun.of("ui", run.toString(), "--port",
                String.valueOf(port), "--serve-seconds", "40"));
        awaitListening(port);

        assertThat(connects(InetAddress.getLoopbackAddress(), port)).as("ui listening; %s",
                ui.isDone() ? ui.get().err() : "still running").isTrue();
        InetAddress external = nonLoopbackAddress();
        assertThat(external).as("this machine needs a non-loopback IPv4 address for the check").isNotNull();
        assertThat(connects(external, port)).as("UI must not listen on " + external).isFalse();

        String dom = chromium(dir, "--dump-dom", "http://127.0.0.1:" + port + "/train/overview");
        String chart = dom.substring(dom.indexOf("id=\"scoreiterchart\""));
        chart = chart.substring(0, Math.min(chart.length(), 4000));
        assertThat(chart).contains("<canvas class=\"flot-base\"").contains("flot-tick-label");
        assertThat(dom).contains("Model Score vs. Iteration");
        chromium(dir, "--screenshot=" + dir.resolve("overview.png"), "http://127.0.0.1:" + port + "/train/overview");
        assertThat(Files.size(dir.resolve("overview.png"))).isGreaterThan(10_000);
        ui.cancel(true);
    }

    private static String chromium(Path dir, String action, String url) throws IOException, InterruptedException {
        Path out = dir.resolve("chromium.out");
        Process p = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--user-data-dir=" + dir.resolve("chromium-profile"),
                "--window-size=1400,1000", "--virtual-time-budget=15000", action, url)
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return Files.readString(out, StandardCharsets.UTF_8);
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

    private static InetAddress nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : List.copyOf(java.util.Collections.list(NetworkInterface.getNetworkInterfaces()))) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return a;
                    }
                }
            }
        }
        return null;
    }
}
