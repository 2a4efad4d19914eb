package dev.clod.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.clod.gateway.account.AccountStore;
import dev.clod.gateway.account.ApiKey;
import dev.clod.gateway.account.IssuedKey;
import dev.clod.gateway.account.NewKey;
import dev.clod.gateway.account.NewProject;
import dev.clod.gateway.account.Project;
import dev.clod.gateway.api.InvalidRequestException;
import dev.clod.gateway.api.ResourceNotFoundException;
import dev.clod.gateway.catalog.Catalog;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /v1/admin/projects} and {@code /v1/admin/keys}, for the admin key only. A key's secret is in
 * the answer to its creation and nowhere else.
 */
final class AdminHandler {

    private final AccountStore accounts;
    private final Catalog catalog;

    AdminHandler(AccountStore accounts, Catalog catalog) {
        this.accounts = accounts;
        this.catalog = catalog;
    }

    void createProject(RoutingContext ctx) {
        JsonNode body = JsonBodies.object(ctx);
        List<String> allowed = JsonBodies.strings(body, "allowed_models");
        List<String> unknown = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (String model : allowed) {
            catalog.find(model).ifPresentOrElse(found -> ids.add(found.id()), () -> unknown.add(model));
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(
                    "Unknown models in allowed_models: " + String.join(", ", unknown) + ". Known models: "
                            + catalog.knownModelIds() + ".",
                    "allowed_models");
        }
        Project project = accounts.createProject(new NewProject(
                JsonBodies.requiredText(body, "name"), ids, JsonBodies.decimal(body, "budget_usd_per_month")));
        ctx.response().setStatusCode(201);
        json(ctx, json -> writeProject(json, project));
    }

    void listProjects(RoutingContext ctx) {
        List<Project> projects = accounts.projects();
        json(ctx, json -> {
            json.writeStartObject();
            json.writeStringField("object", "list");
            json.writeArrayFieldStart("data");
            for (Project project : projects) {
                writeProject(json, project);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    void createKey(RoutingContext ctx) {
        JsonNode body = JsonBodies.object(ctx);
        IssuedKey issued = accounts.createKey(new NewKey(
                JsonBodies.requiredText(body, "name"),
                JsonBodies.text(body, "project"),
                JsonBodies.positiveInt(body, "rpm"),
                JsonBodies.positiveInt(body, "tpm")));
        ctx.response().setStatusCode(201);
        json(ctx, json -> {
            json.writeStartObject();
            writeKeyFields(json, issued.key());
            json.writeStringField("key", issued.secret());
            json.writeEndObject();
        });
    }

    void listKeys(RoutingContext ctx) {
        List<ApiKey> keys = accounts.keys();
        json(ctx, json -> {
            json.writeStartObject();
            json.writeStringField("object", "list");
            json.writeArrayFieldStart("data");
            for (ApiKey key : keys) {
                json.writeStartObject();
                writeKeyFields(json, key);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    void revokeKey(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!accounts.revokeKey(id)) {
            throw new ResourceNotFoundException("No API key with id '" + id + "'.", "id");
        }
        json(ctx, json -> {
            json.writeStartObject();
            json.writeStringField("id", id);
            json.writeStringField("object", "api_key");
            json.writeBooleanField("revoked", true);
            json.writeEndObject();
        });
    }

    private static void writeProject(JsonGenerator json, Project project) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", project.id());
        json.writeStringField("object", "project");
        json.writeStringField("name", project.name());
        json.writeArrayFieldStart("allowed_models");
        for (String model : project.allowedModels()) {
            json.writeString(model);
        }
        json.writeEndArray();
        if (project.budgetUsdPerMonth() == null) {
            json.writeNullField("budget_usd_per_month");
        } else {
            json.writeNumberField("budget_usd_per_month", project.budgetUsdPerMonth());
        }
        json.writeStringField("created_at", project.created().toString());
        json.writeEndObject();
    }

    private static void writeKeyFields(JsonGenerator json, ApiKey key) throws IOException {
        json.writeStringField("id", key.id());
        json.writeStringField("object", "api_key");
        json.writeStringField("name", key.name());
        json.writeStringField("project", key.projectId());
        json.writeStringField("prefix", key.prefix());
        writeNullableInt(json, "rpm", key.rpm());
        writeNullableInt(json, "tpm", key.tpm());
        json.writeStringField("created_at", key.created().toString());
        json.writeStringField(
                "revoked_at", key.revoked() == null ? null : key.revoked().toString());
    }

    private static void writeNullableInt(JsonGenerator json, String field, Integer value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, value);
        }
    }

    private static void json(RoutingContext ctx, Json.Writer writer) {
        ctx.response().putHeader("content-type", "application/json").end(Json.buffer(writer));
    }
}
