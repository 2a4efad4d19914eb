package dev.clod.server.http;

import dev.clod.gateway.Gateway;
import dev.clod.gateway.api.ClodException;
import dev.clod.gateway.api.InvalidRequestException;
import dev.clod.gateway.api.RequestTooLargeException;
import dev.clod.server.ApiKeys;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/** The HTTP API's routes: OpenAI-compatible endpoints under {@code /v1}, health outside it. */
public final class Routes {

    /** Where the authenticated caller is kept on the routing context. */
    static final String CALLER = "clod.caller";

    private Routes() {}

    public static Router create(
            Vertx vertx, Gateway gateway, ApiKeys keys, long maxBodyBytes, long startedEpochSeconds) {
        Router router = Router.router(vertx);
        ModelsHandler models = new ModelsHandler(gateway, startedEpochSeconds);

        router.get("/health").handler(ctx -> ctx.response()
                .putHeader("content-type", "application/json")
                .end("{\"status\":\"ok\"}"));

        router.route("/v1/*").handler(ctx -> authenticate(ctx, keys));
        router.post("/v1/chat/completions")
                .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
                .handler(new ChatCompletionsHandler(gateway));
        router.get("/v1/models").handler(models::list);
        router.getWithRegex("/v1/models/.+").handler(models::one);
        router.get("/v1/route").handler(new RouteHandler(gateway)::explain);

        router.route().failureHandler(ctx -> fail(ctx, maxBodyBytes));
        router.errorHandler(404, ctx -> ErrorReplies.send(ctx.response(), notFound(ctx)));
        router.errorHandler(405, ctx -> ErrorReplies.send(ctx.response(), new MethodNotAllowed(ctx)));
        return router;
    }

    private static void authenticate(RoutingContext ctx, ApiKeys keys) {
        try {
            ctx.put(CALLER, keys.authenticate(ctx.request().getHeader("authorization")));
            ctx.next();
        } catch (ClodException rejected) {
            ErrorReplies.send(ctx.response(), rejected);
        }
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
