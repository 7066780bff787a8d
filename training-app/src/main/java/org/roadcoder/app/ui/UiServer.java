package org.roadcoder.app.ui;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.ui.VertxUIServer;
import org.roadcoder.data.DataException;

/**
 * DL4J's training UI on an address of our choosing: {@code 127.0.0.1} unless the user asks for
 * another. Serves any number of stats storages (runs); {@link #close()} stops it.
 */
public final class UiServer implements AutoCloseable {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 9000;
    static final String PORT_PROPERTY = "org.deeplearning4j.ui.port";

    private final Vertx vertx;
    private final VertxUIServer server;
    private final String root;

    private UiServer(Vertx vertx, VertxUIServer server, String root) {
        this.vertx = vertx;
        this.server = server;
        this.root = root;
    }

    /** Starts the UI listening on {@code host:port} only. */
    public static UiServer start(String host, int port) {
        System.setProperty(PORT_PROPERTY, String.valueOf(port));
        Vertx vertx = Vertx.vertx();
        VertxUIServer server = new BoundServer(host);
        CompletableFuture<String> deployed = new CompletableFuture<>();
        vertx.deployVerticle(server, r -> {
            if (r.succeeded()) {
                deployed.complete(r.result());
            } else {
                deployed.completeExceptionally(r.cause());
            }
        });
        try {
            deployed.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DataException(null, "cannot start the training UI on " + host + ":" + port + ": " + cause.getMessage(),
                    cause);
        }
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return new UiServer(vertx, server, "http://" + shown + ":" + port);
    }

    public void attach(StatsStorage storage) {
        server.attach(storage);
    }

    public void detach(StatsStorage storage) {
        server.detach(storage);
    }

    /** The training UI's overview page. */
    public String url() {
        return url("/train/overview");
    }

    /** The page at {@code path}, e.g. {@code /arbiter} (Arbiter's pages, from arbiter-ui through hyperparam-search). */
    public String url(String path) {
        return root + path;
    }

    @Override
    public void close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        vertx.close(r -> closed.complete(null));
        try {
            closed.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // shutting down anyway
        }
    }

    /** DL4J's UI server, handed a Vert.x that binds its HTTP server to {@code host}. */
    static final class BoundServer extends VertxUIServer {
        private final String host;

        BoundServer(String host) {
            this.host = host;
        }

        @Override
        public void init(Vertx vertx, Context context) {
            super.init(LoopbackVertx.bind(vertx, host), context);
        }
    }
}
