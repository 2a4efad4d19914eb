package dev.clod.gateway.account;

import dev.clod.gateway.api.InvalidRequestException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an administrator asks for when creating a project, validated on construction: the name is
 * trimmed and 1 to 200 characters, allowed model ids are trimmed, non-blank and free of commas
 * (duplicates are dropped), and a budget is not negative. Whether the name is unused is the store's
 * check.
 *
 * @param allowedModels null or empty allows every model
 * @param budgetUsdPerMonth null for no budget
 * @throws InvalidRequestException naming {@code name}, {@code allowed_models} or {@code
 *     budget_usd_per_month}
 */
public record NewProject(String name, List<String> allowedModels, BigDecimal budgetUsdPerMonth) {

    public NewProject {
        name = Names.valid(name, "project");
        allowedModels = validModels(allowedModels);
        if (budgetUsdPerMonth != null && budgetUsdPerMonth.signum() < 0) {
            throw new InvalidRequestException(
                    "budget_usd_per_month must not be negative, got " + budgetUsdPerMonth.toPlainString(),
                    "budget_usd_per_month");
        }
    }

    private static List<String> validModels(List<String> models) {
        if (models == null) {
            return List.of();
        }
        Set<String> valid = new LinkedHashSet<>();
        for (int i = 0; i < models.size(); i++) {
            String model = models.get(i);
            String param = "allowed_models[" + i + "]";
            if (model == null || model.isBlank()) {
                throw new InvalidRequestException("allowed_models must not contain empty model ids", param);
            }
            String trimmed = model.strip();
            // The list is stored comma-separated.
            if (trimmed.contains(",")) {
                throw new InvalidRequestException("a model id cannot contain ',': '" + trimmed + "'", param);
            }
            valid.add(trimmed);
        }
        return List.copyOf(new ArrayList<>(valid));
    }
}
