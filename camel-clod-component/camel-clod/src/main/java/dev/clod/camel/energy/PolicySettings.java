package dev.clod.camel.energy;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The options of a {@link CheapEnergyRoutePolicy}, checked once: a ceiling makes it a price-ceiling
 * policy, otherwise it plans windows and needs a deadline.
 *
 * @param duration how long the work is expected to run; null only for a ceiling without a deadline
 * @param deadline null only for a ceiling without one
 * @param maxUsdPerMwh the ceiling on the electricity price at the model's cheapest site, or null
 * @param maxInputPricePer1m the ceiling on the model's price per million input tokens there, or null
 * @param maxOutputPricePer1m the ceiling on the model's price per million output tokens there, or null
 */
record PolicySettings(
        String model,
        Duration duration,
        Deadline deadline,
        BigDecimal maxUsdPerMwh,
        BigDecimal maxInputPricePer1m,
        BigDecimal maxOutputPricePer1m,
        Duration pollInterval) {

    /** Whether the policy follows a price ceiling rather than planned windows. */
    boolean ceiling() {
        return maxUsdPerMwh != null || maxInputPricePer1m != null || maxOutputPricePer1m != null;
    }

    static PolicySettings read(
            String model,
            String duration,
            String deadline,
            String zone,
            String maxUsdPerMwh,
            String maxInputPricePer1m,
            String maxOutputPricePer1m,
            String pollInterval) {
        if (model == null || model.isBlank()) {
            throw invalid("model", "is required: the model whose price the policy follows, such as llama-3.1-8b");
        }
        if (model.contains("@")) {
            throw invalid("model", "takes a model without strategy tags, was '" + model + "'");
        }
        BigDecimal perMwh = decimal("maxUsdPerMwh", maxUsdPerMwh, true);
        BigDecimal input = decimal("maxInputPricePer1m", maxInputPricePer1m, false);
        BigDecimal output = decimal("maxOutputPricePer1m", maxOutputPricePer1m, false);
        boolean ceiling = perMwh != null || input != null || output != null;
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone.strip());
        } catch (DateTimeException e) {
            throw invalid("zone", "'" + zone + "' is not a time zone such as Europe/Paris or UTC");
        }
        Deadline parsedDeadline = null;
        if (deadline != null && !deadline.isBlank()) {
            try {
                parsedDeadline = Deadline.parse(deadline, zoneId);
            } catch (IllegalArgumentException e) {
                throw invalid("deadline", e.getMessage());
            }
        } else if (!ceiling) {
            throw invalid(
                    "deadline",
                    "is required to plan windows (08:00, 08:00 Europe/Paris or 2024-08-13T08:00:00Z); or give a"
                            + " ceiling (maxUsdPerMwh, maxInputPricePer1m, maxOutputPricePer1m) instead");
        }
        Duration parsedDuration = null;
        if (duration != null && !duration.isBlank()) {
            parsedDuration = length("duration", duration);
        } else if (parsedDeadline != null) {
            throw invalid("duration", "is required with a deadline: how long the work is expected to run, such as 2h");
        }
        if (parsedDuration != null && parsedDuration.compareTo(Duration.ofDays(1)) > 0) {
            throw invalid("duration", "must be at most a day, was " + duration);
        }
        Duration poll = length("pollInterval", pollInterval == null ? "60s" : pollInterval);
        return new PolicySettings(model.strip(), parsedDuration, parsedDeadline, perMwh, input, output, poll);
    }

    private static Duration length(String option, String text) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(option, e.getMessage());
        }
    }

    private static BigDecimal decimal(String option, String text, boolean negativeAllowed) {
        if (text == null || text.isBlank()) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(option, "'" + text + "' is not a decimal number");
        }
        if (!negativeAllowed && value.signum() < 0) {
            throw invalid(option, "must not be negative, was " + text);
        }
        return value;
    }

    static IllegalArgumentException invalid(String option, String problem) {
        return new IllegalArgumentException("Invalid option '" + option + "' of CheapEnergyRoutePolicy: " + problem);
    }
}
