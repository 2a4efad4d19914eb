package dev.clod.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.clod.gateway.account.Project;
import dev.clod.gateway.api.InvalidRequestException;
import dev.clod.gateway.api.PermissionDeniedException;
import dev.clod.gateway.usage.GroupBy;
import dev.clod.gateway.usage.RequestPage;
import dev.clod.gateway.usage.UsageQuery;
import dev.clod.gateway.usage.UsageReader;
import dev.clod.gateway.usage.UsageRecord;
import dev.clod.gateway.usage.UsageSummaryRow;
import dev.clod.server.ApiKeys;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /v1/usage} (sums grouped by model, day, hour, project or key) and {@code GET /v1/usage/requests}
 * (one row per request, newest first). A project's key sees its project only, whatever it asks; the
 * admin key sees everything and may narrow it with {@code project=}.
 */
final class UsageHandler {

    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 500;

    private final UsageReader usage;
    private final Clock clock;

    UsageHandler(UsageReader usage, Clock clock) {
        this.usage = usage;
        this.clock = clock;
    }

    void summary(RoutingContext ctx) {
        String projectId = scope(ctx);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant from =
                instant(ctx, "from", today.withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        Instant to = instant(ctx, "to", now);
        if (!from.isBefore(to)) {
            throw new InvalidRequestException("'from' must be before 'to'.", "from");
        }
        GroupBy groupBy = groupBy(ctx.request().getParam("group_by"));
        List<UsageSummaryRow> rows = usage.summarize(new UsageQuery(from, to, groupBy, projectId));
        String groupKey = groupBy.name().toLowerCase(Locale.ROOT);
        json(ctx, json -> {
            json.writeStartObject();
            json.writeStringField("object", "list");
            json.writeStringField("from", from.toString());
            json.writeStringField("to", to.toString());
            json.writeStringField("group_by", groupKey);
            json.writeArrayFieldStart("data");
            for (UsageSummaryRow row : rows) {
                json.writeStartObject();
                json.writeStringField(groupKey, row.key());
                json.writeNumberField("requests", row.requests());
                json.writeNumberField("failed_requests", row.failedRequests());
                json.writeNumberField("prompt_tokens", row.promptTokens());
                json.writeNumberField("completion_tokens", row.completionTokens());
                json.writeNumberField("total_tokens", row.promptTokens() + row.completionTokens());
                json.writeNumberField("cost_usd", plain(row.costUsd()));
                json.writeNumberField("energy_kwh", plain(row.energyKwh()));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    void requests(RoutingContext ctx) {
        String projectId = scope(ctx);
        int limit = limit(ctx.request().getParam("limit"));
        RequestPage page = usage.requests(projectId, ctx.request().getParam("cursor"), limit);
        json(ctx, json -> {
            json.writeStartObject();
            json.writeStringField("object", "list");
            json.writeArrayFieldStart("data");
            for (UsageRecord record : page.records()) {
                writeRecord(json, record);
            }
            json.writeEndArray();
            json.writeBooleanField("has_more", page.nextCursor() != null);
            json.writeStringField("next_cursor", page.nextCursor());
            json.writeEndObject();
        });
    }

    /** The project the caller may read: its own; for the admin, all (null) or the one it names. */
    private static String scope(RoutingContext ctx) {
        ApiKeys.Caller caller = ctx.get(Routes.CALLER);
        if (caller.admin()) {
            String project = ctx.request().getParam("project");
            return project == null || project.isBlank() ? null : project;
        }
        Project project = caller.project();
        if (project == null) {
            throw new PermissionDeniedException(
                    "Usage is kept per project, and this key belongs to none. Use a project's key or the admin key.",
                    null,
                    "no_project");
        }
        return project.id();
    }

    private static Instant instant(RoutingContext ctx, String param, Instant fallback) {
        String value = ctx.request().getParam(param);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : Instant.parse(value);
        } catch (DateTimeParseException malformed) {
            throw new InvalidRequestException(
                    "Invalid '" + param + "': expected a date (2024-08-10) or an instant (2024-08-10T12:00:00Z).",
                    param);
        }
    }

    private static GroupBy groupBy(String value) {
        if (value == null || value.isBlank()) {
            return GroupBy.MODEL;
        }
        for (GroupBy groupBy : GroupBy.values()) {
            if (groupBy.name().equalsIgnoreCase(value.strip())) {
                return groupBy;
            }
        }
        throw new InvalidRequestException(
                "Invalid 'group_by' '" + value + "': expected one of model, day, hour, project, key.", "group_by");
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PAGE;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_PAGE) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new InvalidRequestException(
                "Invalid 'limit': expected a whole number from 1 to " + MAX_PAGE + ".", "limit");
    }

    private static void writeRecord(JsonGenerator json, UsageRecord record) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", record.requestId());
        json.writeStringField("object", "usage.request");
        json.writeStringField("created_at", record.time().toString());
        json.writeStringField("key", record.keyId());
        json.writeStringField("project", record.projectId());
        json.writeStringField("requested_model", record.requestedModel());
        json.writeStringField("model", record.model());
        json.writeStringField("deployment", record.deploymentId());
        json.writeStringField("provider", record.providerId());
        json.writeStringField("site", record.site());
        json.writeStringField("strategy", record.strategy());
        json.writeNumberField("prompt_tokens", record.usage().promptTokens());
        json.writeNumberField("completion_tokens", record.usage().completionTokens());
        json.writeNumberField("cached_tokens", record.usage().cachedTokens());
        json.writeNumberField("cost_usd", plain(record.cost().userPrice()));
        json.writeNumberField("provider_cost_usd", plain(record.cost().providerCost()));
        json.writeNumberField("routing_fee_usd", plain(record.cost().routingFee()));
        if (record.timeToFirstToken() == null) {
            json.writeNullField("ttft_ms");
        } else {
            json.writeNumberField("ttft_ms", record.timeToFirstToken().toMillis());
        }
        json.writeNumberField("duration_ms", record.duration().toMillis());
        json.writeBooleanField("stream", record.stream());
        json.writeNumberField("status", record.status());
        json.writeStringField("error_type", record.errorType());
        json.writeEndObject();
    }

    private static BigDecimal plain(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    private static void json(RoutingContext ctx, Json.Writer writer) {
        ctx.response().putHeader("content-type", "application/json").end(Json.buffer(writer));
    }
}
