package org.roadcoder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * A search's stats file, served by {@code roadcoder ui DIR}: every candidate's training in DL4J's
 * training UI and the search itself in Arbiter's pages, from the one server.
 */
class ArbiterPagesTest {

    @TempDir
    static Path dir;
    static Path out;
    static int port;
    static CompletableFuture<CliRun> ui;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void searchThenServe() throws Exception {
        Path features = dir.resolve("features");
        CliRun f = CliRun.of("featurize", TinySurvey.write(dir.resolve("survey")).toString(), "--schema",
                TinySurvey.schema().toString(), "--config", TinySurvey.config(dir).toString(), "--out",
                features.toString());
        assertThat(f.exitCode()).as(f.err()).isZero();
        out = dir.resolve("search");
        int livePort = freePort();
        CliRun search = CliRun.of("search", features.toString(), "--out", out.toString(), "--candidates", "2", "--epochs",
                "1", "--hidden", "8..32", "--ui", "--ui-port", String.valueOf(livePort));
        assertThat(search.exitCode()).as(search.err()).isZero();
        assertThat(search.out()).contains("Arbiter's pages: http://127.0.0.1:" + livePort + "/arbiter");

        port = freePort();
        ui = CompletableFuture.supplyAsync(() -> CliRun.of("ui", out.toString(), "--port", String.valueOf(port),
                "--serve-seconds", "60"));
        for (int i = 0; i < 240 && !listening(port); i++) {
            Thread.sleep(250);
        }
        assertThat(listening(port)).as("ui listening; %s", ui.isDone() ? ui.get().err() : "").isTrue();
    }

    @Test
    void arbitersSummaryAndResultsShowEveryCandidateWithTheTablesScores() throws Exception {
        assertThat(get("/arbiter").statusCode()).isEqualTo(200);
        assertThat(get("/arbiter").body()).contains("<title>DL4J - Arbiter UI</title>");
        assertThat(json("/arbiter/sessions/all")).extracting(JsonNode::asText).containsExactly("search");

        List<String[]> table = Files.readAllLines(out.resolve("results.csv")).stream().skip(1)
                .map(l -> l.split(",")).toList();
        JsonNode results = json("/arbiter/results");
        assertThat(results).hasSize(2);
        for (JsonNode row : results) {
            String[] same = table.stream().filter(r -> r[1].equals(row.get(0).asText())).findFirst().orElseThrow();
            assertThat(row.get(2).asText()).isEqualTo("Complete");
            assertThat(row.get(1).asDouble()).isCloseTo(Double.parseDouble(same[5]), org.assertj.core.data.Offset.offset(5e-5));
        }
        String summary = get("/arbiter/summary").body();
        assertThat(summary).contains("[ \"Models Completed\", \"2\" ]").contains("[ \"Models Failed\", \"0\" ]")
                .contains("\"Best Scoring Model\", \"Model " + table.get(0)[1] + ",");
    }

    @Test
    void theTrainingUiStillHasOneSessionPerCandidate() throws Exception {
        String sessions = get("/train/sessions/info").body();
        assertThat(sessions).contains("\"candidate-0\"").contains("\"candidate-1\"");
    }

    @Test
    void arbitersConfigurationAndCandidatePagesNeedArbitersOwnNetworkSpaces() throws Exception {
        // Known limitation, recorded in README and NOTES: arbiter-ui beta7 casts the search space to its
        // BaseNetworkSpace (MultiLayerSpace / ComputationGraphSpace); roadcoder searches its own HeadSpace.
        assertThat(get("/arbiter/config").statusCode()).isEqualTo(500);
        assertThat(get("/arbiter/candidateInfo/0").statusCode()).isEqualTo(500);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean listening(int p) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", p), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
