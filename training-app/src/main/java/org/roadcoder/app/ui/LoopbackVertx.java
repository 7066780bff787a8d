package org.roadcoder.app.ui;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.impl.VertxInternal;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A Vert.x whose HTTP servers listen on one chosen address. DL4J 1.0.0-M2.1's {@code VertxUIServer}
 * calls {@code vertx.createHttpServer().requestHandler(router).listen(port, handler)}, and Vert.x
 * 3.9's {@code listen(port, handler)} binds {@code 0.0.0.0}: every interface. The UI server is given
 * this Vert.x instead, so the same call binds {@code host}.
 */
final class LoopbackVertx {

    private LoopbackVertx() {
    }

    static Vertx bind(Vertx real, String host) {
        return (Vertx) Proxy.newProxyInstance(LoopbackVertx.class.getClassLoader(), new Class<?>[] {VertxInternal.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (method.getName().equals("createHttpServer") && result instanceof HttpServer server) {
                        return bind(server, host);
                    }
                    return result == real ? proxy : result;
                });
    }

    static HttpServer bind(HttpServer real, String host) {
        return (HttpServer) Proxy.newProxyInstance(LoopbackVertx.class.getClassLoader(), new Class<?>[] {HttpServer.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("listen") && args != null && args.length >= 1
                            && args[0] instanceof Integer port && (args.length == 1 || args[1] instanceof Handler)) {
                        @SuppressWarnings("unchecked")
                        Handler<io.vertx.core.AsyncResult<HttpServer>> done = args.length == 2
                                ? (Handler<io.vertx.core.AsyncResult<HttpServer>>) args[1] : null;
                        return done == null ? real.listen(port, host) : real.listen(port, host, done);
                    }
                    Object result = invoke(real, method, args);
                    return result == real ? proxy : result;
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
