package dev.clod.server.http;

import dev.clod.gateway.Gateway;
import dev.clod.gateway.account.KeyOwner;
import dev.clod.gateway.api.ClodException;
import dev.clod.gateway.api.InvalidRequestException;
import dev.clod.gateway.api.PermissionDeniedException;
import dev.clod.gateway.api.RequestTooLargeException;
import dev.clod.server.ApiKeys;
import dev.clod.server.ServerStore;
import dev.clod.server.metrics.GatewayMetrics;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The HTTP API's routes: OpenAI-compatible endpoints under {@code /v1}; health, the dashboard, the
 * API's description and its Swagger UI, and the metrics outside it.
 */
public final class Routes {

    /** Where the authenticated caller is kept on the routing context. */
    static final String CALLER = "clod.caller";

    private Routes() {}

    public static Router create(
            Vertx vertx, Gateway gateway, ApiKeys keys, ServerStore store, long maxBodyBytes, Clock clock) {
        Router router = Router.router(vertx);
        ModelsHandler models = new ModelsHandler(gateway, clock.instant().getEpochSecond());
        AdminHandler admin = new AdminHandler(store.accounts(), gateway.catalog());
        UsageHandler usage = new UsageHandler(store.usage(), clock);

        router.get("/health").handler(ctx -> ctx.response()
                .putHeader("content-type", "application/json")
                .end("{\"status\":\"ok\"}"));
        // For Prometheus scrapers, without a key: figures by model, deployment and site, no secrets.
        GatewayMetrics metrics = new GatewayMetrics(gateway, store.ledger(), clock);
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                .end(metrics.scrape()));
        // The API's description and Swagger UI, like health, outside /v1 and its keys.
        ApiDocs.load().mount(router);

        // Keys and limits may need the database: they run on worker threads, never on the event loop.
        // The body is read first: a request whose handling leaves the event loop would lose body data
        // that arrives meanwhile.
        router.route("/v1/*").handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
        router.route("/v1/*").handler(ctx -> authenticate(ctx, keys));
        router.post("/v1/chat/completions")
                .handler(ctx -> admit(ctx, store))
                .handler(new ChatCompletionsHandler(gateway));
        EnergyHandler energy = new EnergyHandler(gateway);
        router.get("/v1/me").handler(new CallerHandler()::describe);
        router.get("/v1/models").handler(models::list);
        // History may come from the database: off the event loop.
        router.getWithRegex("/v1/models/.+/prices").blockingHandler(new ModelPricesHandler(gateway)::prices, false);
        router.getWithRegex("/v1/models/.+").handler(models::one);
        router.get("/v1/energy/sites").handler(energy::sites);
        router.get("/v1/energy/windows").blockingHandler(energy::windows, false);
        router.get("/v1/route").handler(new RouteHandler(gateway)::explain);
        router.get("/v1/usage").blockingHandler(usage::summary, false);
        router.get("/v1/usage/requests").blockingHandler(usage::requests, false);
        router.route("/v1/admin/*").handler(Routes::requireAdmin);
        router.post("/v1/admin/projects").blockingHandler(admin::createProject, false);
        router.get("/v1/admin/projects").blockingHandler(admin::listProjects, false);
        router.post("/v1/admin/keys").blockingHandler(admin::createKey, false);
        router.get("/v1/admin/keys").blockingHandler(admin::listKeys, false);
        router.delete("/v1/admin/keys/:id").blockingHandler(admin::revokeKey, false);

        DashboardRoutes.mount(router);

        router.route().failureHandler(ctx -> fail(ctx, maxBodyBytes));
        router.errorHandler(404, ctx -> ErrorReplies.send(ctx.response(), notFound(ctx)));
        router.errorHandler(405, ctx -> ErrorReplies.send(ctx.response(), new MethodNotAllowed(ctx)));
        return router;
    }

    /**
     * The admin key and static keys are known from memory, on the event loop; a project's key may need
     * the database, so it is looked up on a worker thread.
     */
    private static void authenticate(RoutingContext ctx, ApiKeys keys) {
        String authorization = ctx.request().getHeader("authorization");
        ApiKeys.Caller known;
        try {
            known = keys.staticCaller(authorization);
        } catch (ClodException rejected) {
            ErrorReplies.send(ctx.response(), rejected);
            return;
        }
        if (known != null) {
            ctx.put(CALLER, known);
            ctx.next();
            return;
        }
        offLoop(ctx, () -> keys.accountCaller(authorization), caller -> {
            ctx.put(CALLER, caller);
            ctx.next();
        });
    }

    /** Rate limits and budget, checked before the request is routed; only keys that have any pay for it. */
    private static void admit(RoutingContext ctx, ServerStore store) {
        ApiKeys.Caller caller = ctx.get(CALLER);
        KeyOwner owner = caller.owner();
        if (owner == null || !limited(owner)) {
            ctx.next();
            return;
        }
        offLoop(
                ctx,
                () -> {
                    store.limits().admit(owner);
                    return owner;
                },
                admitted -> ctx.next());
    }

    private static boolean limited(KeyOwner owner) {
        return owner.key().rpm() != null
                || owner.key().tpm() != null
                || (owner.project() != null && owner.project().budgetUsdPerMonth() != null);
    }

    /** Runs {@code work} on a worker thread, then {@code then} back on the event loop, or answers its error. */
    private static <T> void offLoop(RoutingContext ctx, Callable<T> work, Consumer<T> then) {
        ctx.vertx().<T>executeBlocking(work, false).onComplete(result -> {
            if (result.succeeded()) {
                then.accept(result.result());
            } else {
                ErrorReplies.send(ctx.response(), result.cause());
            }
        });
    }

    private static void fail(RoutingContext ctx, long maxBodyBytes) {
        if (ctx.statusCode() == 413) {
            ErrorReplies.send(ctx.response(), new RequestTooLargeException(maxBodyBytes));
        } else if (ctx.failure() != null) {
            ErrorReplies.send(ctx.response(), ctx.failure());
        } else if (ctx.statusCode() == 404) {
            ErrorReplies.send(ctx.response(), notFound(ctx));
        } else if (ctx.statusCode() == 400) {
            ErrorReplies.send(ctx.response(), new InvalidRequestException("The request could not be read.", null));
        } else {
            ErrorReplies.send(
                    ctx.response(), new IllegalStateException("request failed with status " + ctx.statusCode()));
        }
    }

    private static void requireAdmin(RoutingContext ctx) {
        ApiKeys.Caller caller = ctx.get(CALLER);
        if (caller.admin()) {
            ctx.next();
        } else {
            ErrorReplies.send(
                    ctx.response(),
                    new PermissionDeniedException(
                            "Only the admin key may manage projects and keys.", null, "admin_key_required"));
        }
    }

    private static ClodException notFound(RoutingContext ctx) {
        return new UnknownUrl(ctx);
    }

    /** 404 for a path the API does not have, as OpenAI words it. */
    static final class UnknownUrl extends ClodException {
        UnknownUrl(RoutingContext ctx) {
            super(
                    404,
                    "invalid_request_error",
                    "unknown_url",
                    null,
                    "Unknown request URL: " + ctx.request().method() + " "
                            + ctx.request().path() + ". Please check the URL; the base URL ends with /v1.",
                    null);
        }
    }

    /** 405 for a known path called with the wrong method. */
    static final class MethodNotAllowed extends ClodException {
        MethodNotAllowed(RoutingContext ctx) {
            super(
                    405,
                    "invalid_request_error",
                    "method_not_allowed",
                    null,
                    "Method " + ctx.request().method() + " is not allowed on "
                            + ctx.request().path() + ".",
                    null);
        }
    }
}
