package dev.clod.server;

import dev.clod.server.http.Routes;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;

/** The routes {@link Routes} registers, read from the router it builds, to compare with a document. */
final class RegisteredRoutes {

    private RegisteredRoutes() {}

    /**
     * Every route bound to methods, as {@code "GET /v1/admin/keys/:id"} or, for a regular expression,
     * {@code "GET /v1/models/.+/prices"}; handlers for every method (keys, bodies, errors) are left out.
     */
    static Set<String> of(ClodServer server) {
        Vertx vertx = Vertx.vertx();
        try {
            Set<String> routes = new TreeSet<>();
            for (Route route : Routes.create(
                            vertx, server.gateway(), new ApiKeys(), server.store(), 1024, Clock.systemUTC())
                    .getRoutes()) {
                if (route.methods() != null && route.getName() != null) {
                    route.methods().forEach(method -> routes.add(method.name() + " " + route.getName()));
                }
            }
            return routes;
        } finally {
            vertx.close();
        }
    }

    /**
     * A route or an operation with each path parameter written {@code {}}, so that Vert.x's
     * {@code :id} and {@code .+} compare equal to OpenAPI's {@code {id}}.
     */
    static String normalized(String operation) {
        return operation
                .replaceAll("\\{[^}/]+}", "{}")
                .replaceAll(":[A-Za-z_]+", "{}")
                .replace(".+", "{}");
    }
}
