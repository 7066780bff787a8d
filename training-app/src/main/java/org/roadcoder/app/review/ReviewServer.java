package org.roadcoder.app.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The review page's HTTP server (the JDK's {@code com.sun.net.httpserver}): the page and its script, the
 * state as JSON, frame images, and one POST per decision, which is saved before the answer goes back.
 */
public final class ReviewServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PAGES = Map.of("/", "index.html", "/review.js", "review.js",
            "/review.css", "review.css");

    private final HttpServer server;

    private ReviewServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Serves the review of {@code codes} (segment_codes.csv) over the frames of {@code survey}, saving to {@code out}.
     *
     * @param port 0 for any free port
     */
    public static ReviewServer start(org.roadcoder.data.schema.LabelSchema schema, Path codes, Path survey, Path out,
            String host, int port) throws IOException {
        ReviewState state = ReviewState.open(schema, codes, survey, out);
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 0);
        http.createContext("/", ex -> handle(ex, state));
        http.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "review-http");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        return new ReviewServer(http);
    }

    public String url() {
        InetSocketAddress a = server.getAddress();
        return "http://" + a.getHostString() + ":" + a.getPort() + "/";
    }

    private static void handle(HttpExchange ex, ReviewState state) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (method.equals("GET") && PAGES.containsKey(path)) {
                String name = PAGES.get(path);
                try (InputStream in = ReviewServer.class.getResourceAsStream(name)) {
                    send(ex, 200, type(name), in.readAllBytes());
                }
            } else if (method.equals("GET") && path.equals("/api/state")) {
                send(ex, 200, "application/json", JSON.writeValueAsBytes(state.json()));
            } else if (method.equals("GET") && path.startsWith("/frame/")) {
                Path img = state.image(parse(path.substring("/frame/".length())));
                if (img == null || !Files.isRegularFile(img)) {
                    send(ex, 404, "text/plain", "no such frame".getBytes(StandardCharsets.UTF_8));
                } else {
                    send(ex, 200, type(img.getFileName().toString()), Files.readAllBytes(img));
                }
            } else if (method.equals("POST") && path.equals("/api/decide")) {
                Decision d = JSON.readValue(ex.getRequestBody(), Decision.class);
                try {
                    state.decide(d.segment(), d.values(), d.codedBy() == null ? Map.of() : d.codedBy());
                } catch (IllegalArgumentException e) {
                    send(ex, 400, "text/plain", e.getMessage().getBytes(StandardCharsets.UTF_8));
                    return;
                }
                send(ex, 200, "application/json", "{\"saved\":true}".getBytes(StandardCharsets.UTF_8));
            } else {
                send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            }
        } catch (RuntimeException e) {
            send(ex, 500, "text/plain", String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One POST: a segment's new values and who coded each ({@code reviewed} or {@code corrected}, or back to model). */
    record Decision(String segment, Map<String, String> values,
                    @com.fasterxml.jackson.annotation.JsonProperty("coded_by") Map<String, String> codedBy) {
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String type(String name) {
        String n = name.toLowerCase();
        if (n.endsWith(".html")) {
            return "text/html; charset=utf-8";
        } else if (n.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        } else if (n.endsWith(".css")) {
            return "text/css; charset=utf-8";
        } else if (n.endsWith(".png")) {
            return "image/png";
        }
        return "image/jpeg";
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
