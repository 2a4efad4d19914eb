package dev.clod.server.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Duration;

/**
 * The dashboard: a static page at {@code /}, its scripts and styles under {@code /dashboard/}, and
 * the chart library under {@code /webjars/}, all from the server's own jar so the page works with no
 * network beyond the gateway. The page holds no data of its own: it reads {@code /v1} with the key the
 * user signs in with.
 */
final class DashboardRoutes {

    /** Where the page's files are on the classpath. */
    static final String PAGES = "dev/clod/server/dashboard";

    /** Where webjars keep their files on the classpath; the version is part of every path below it. */
    static final String WEBJARS = "META-INF/resources/webjars";

    /**
     * The page may load only what this server serves and talk only to this server; it can be framed by
     * no one, and sends no referrer (the key never is in a URL, but a pasted URL might be).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    private static final long A_YEAR = Duration.ofDays(365).toSeconds();

    private DashboardRoutes() {}

    static void mount(Router router) {
        StaticHandler pages = StaticHandler.create(PAGES).setDirectoryListing(false);
        get(router, "/").handler(DashboardRoutes::pageHeaders).handler(pages);
        // The page is at "/" only: its links are relative to it.
        get(router, "/dashboard/").handler(ctx -> ctx.redirect("../"));
        get(router, "/dashboard/*").handler(DashboardRoutes::pageHeaders).handler(pages);
        // A webjar's path names its version, so its files never change under one URL.
        get(router, "/webjars/*")
                .handler(
                        StaticHandler.create(WEBJARS).setDirectoryListing(false).setMaxAgeSeconds(A_YEAR));
    }

    private static Route get(Router router, String path) {
        return router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD);
    }

    /**
     * The page and its own files keep one URL across versions of the gateway: browsers must revalidate
     * them (answered by {@code 304} while unchanged) rather than keep a day-old copy, which is what the
     * static handler would otherwise allow.
     */
    private static void pageHeaders(RoutingContext ctx) {
        ctx.addHeadersEndHandler(ended -> {
            if (ctx.response().getStatusCode() < 400) {
                ctx.response().headers().set("cache-control", "no-cache");
            }
        });
        ctx.response()
                .putHeader("content-security-policy", CONTENT_SECURITY_POLICY)
                .putHeader("x-content-type-options", "nosniff")
                .putHeader("referrer-policy", "no-referrer");
        ctx.next();
    }
}
