package dev.clod.server.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * {@code GET /openapi.json}, the API's description, and {@code /docs}, Swagger UI over it. Neither needs
 * a key: the description holds no secret, and the page asks for a key before it sends a request. Swagger
 * UI's files come from its webjar, so the page works without internet access.
 */
final class ApiDocs {

    private static final String PAGE = "/dev/clod/server/docs/index.html";
    private static final String WEBJAR = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private final Buffer openApi;
    private final Buffer page;
    private final StaticHandler swaggerUi;

    private ApiDocs(Buffer openApi, Buffer page, StaticHandler swaggerUi) {
        this.openApi = openApi;
        this.page = page;
        this.swaggerUi = swaggerUi;
    }

    /** Reads the description, the page and Swagger UI's location once; any of them missing fails the start. */
    static ApiDocs load() {
        StaticHandler assets = StaticHandler.create("META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion());
        return new ApiDocs(Buffer.buffer(OpenApiDocument.json()), Buffer.buffer(resource(PAGE)), assets);
    }

    /**
     * Mounts the pages outside {@code /v1}, so they are served without a key. The page lives at
     * {@code /docs/} and finds its files and the description by relative URLs, which keeps working
     * behind a proxy that serves the gateway under a path prefix.
     */
    void mount(Router router) {
        router.get("/openapi.json").handler(this::openApi);
        // Matches "/docs/" too.
        router.get("/docs").handler(this::page);
        // The webjar's own page would load a sample API from the internet instead of this one.
        router.get("/docs/index.html").handler(ctx -> redirect(ctx, "./"));
        router.get("/docs/*").handler(swaggerUi);
    }

    private void openApi(RoutingContext ctx) {
        ctx.response().putHeader("content-type", "application/json").end(openApi);
    }

    private void page(RoutingContext ctx) {
        if (ctx.request().path().endsWith("/")) {
            ctx.response().putHeader("content-type", "text/html; charset=utf-8").end(page);
        } else {
            redirect(ctx, "docs/");
        }
    }

    private static void redirect(RoutingContext ctx, String relativeLocation) {
        ctx.response()
                .setStatusCode(302)
                .putHeader("location", relativeLocation)
                .end();
    }

    private static String swaggerUiVersion() {
        Properties webjar = new Properties();
        try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(WEBJAR)) {
            if (in == null) {
                throw new IllegalStateException("Swagger UI's webjar is missing from the classpath (" + WEBJAR + ")");
            }
            webjar.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return webjar.getProperty("version");
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiDocs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
