package dev.clod.gateway.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A group of keys sharing allowed models, a monthly budget and one usage account.
 *
 * @param allowedModels catalog model ids the project's keys may use; empty allows every model
 * @param budgetUsdPerMonth what the project may spend per calendar month (UTC); null for no budget
 */
public record Project(
        String id, String name, List<String> allowedModels, BigDecimal budgetUsdPerMonth, Instant created) {

    public Project {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        allowedModels = allowedModels == null ? List.of() : List.copyOf(allowedModels);
        budgetUsdPerMonth = plain(budgetUsdPerMonth);
        Objects.requireNonNull(created, "created");
    }

    // The database pads decimals to its column scale; one canonical form keeps equal budgets equal.
    private static BigDecimal plain(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Whether the project's keys may use the catalog model {@code modelId}; ids compare ignoring case. */
    public boolean allows(String modelId) {
        if (allowedModels.isEmpty()) {
            return true;
        }
        for (String allowed : allowedModels) {
            if (allowed.equalsIgnoreCase(modelId)) {
                return true;
            }
        }
        return false;
    }
}
