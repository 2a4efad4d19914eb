package dev.clod.server.http;

import dev.clod.gateway.account.ApiKey;
import dev.clod.gateway.account.Project;
import dev.clod.server.ApiKeys;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /v1/me}: who the bearer key is — the admin key, a project's key (with its key id, prefix
 * and project) or a static key from the configuration — so a client such as the dashboard can show what
 * it may see. Never the secret.
 */
final class CallerHandler {

    void describe(RoutingContext ctx) {
        ApiKeys.Caller caller = ctx.get(Routes.CALLER);
        ctx.response().putHeader("content-type", "application/json").end(Json.buffer(json -> {
            json.writeStartObject();
            json.writeStringField("object", "caller");
            json.writeStringField("name", caller.name());
            json.writeBooleanField("admin", caller.admin());
            ApiKey key = caller.owner() == null ? null : caller.owner().key();
            if (key == null) {
                json.writeNullField("key");
            } else {
                json.writeObjectFieldStart("key");
                json.writeStringField("id", key.id());
                json.writeStringField("prefix", key.prefix());
                json.writeEndObject();
            }
            Project project = caller.project();
            if (project == null) {
                json.writeNullField("project");
            } else {
                json.writeObjectFieldStart("project");
                json.writeStringField("id", project.id());
                json.writeStringField("name", project.name());
                json.writeEndObject();
            }
            json.writeEndObject();
        }));
    }
}
