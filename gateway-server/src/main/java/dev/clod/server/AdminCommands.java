package dev.clod.server;

import dev.clod.gateway.account.AccountStore;
import dev.clod.gateway.account.ApiKey;
import dev.clod.gateway.account.IssuedKey;
import dev.clod.gateway.account.NewKey;
import dev.clod.gateway.account.NewProject;
import dev.clod.gateway.account.Project;
import dev.clod.gateway.api.ClodException;
import dev.clod.gateway.catalog.Catalog;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line's {@code projects} and {@code keys} commands: the admin API's operations on the
 * configured database, for set-up before a server runs or without an admin key at hand.
 */
final class AdminCommands {

    static final String USAGE = """
              projects create NAME [--allowed-models m1,m2] [--budget USD_PER_MONTH]
              projects list
              keys create NAME [--project PROJECT] [--rpm N] [--tpm N]   (prints the secret once)
              keys list
              keys revoke KEY_ID""";

    private final AccountStore accounts;
    private final Catalog catalog;
    private final PrintStream out;

    AdminCommands(AccountStore accounts, Catalog catalog, PrintStream out) {
        this.accounts = accounts;
        this.catalog = catalog;
        this.out = out;
    }

    /** Runs one command; returns the process exit code. */
    int run(String noun, List<String> args) {
        String verb = args.isEmpty() ? "" : args.get(0);
        Options options = Options.parse(args.subList(Math.min(1, args.size()), args.size()));
        try {
            switch (noun + " " + verb) {
                case "projects create" -> createProject(options);
                case "projects list" -> accounts.projects().forEach(this::printProject);
                case "keys create" -> createKey(options);
                case "keys list" -> accounts.keys().forEach(this::printKey);
                case "keys revoke" -> revoke(options);
                default -> throw new IllegalArgumentException("unknown command '" + (noun + " " + verb).strip() + "'");
            }
            return 0;
        } catch (IllegalArgumentException | ClodException refused) {
            out.println("error: " + refused.getMessage());
            return 2;
        }
    }

    private void createProject(Options options) {
        List<String> allowed = options.value("--allowed-models") == null
                ? List.of()
                : Arrays.stream(options.value("--allowed-models").split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .map(this::modelId)
                        .toList();
        String budget = options.value("--budget");
        Project project = accounts.createProject(
                new NewProject(options.positional(), allowed, budget == null ? null : decimal(budget, "--budget")));
        out.println("created project " + project.id() + " (" + project.name() + ")");
    }

    /** The catalog id of a model named by id, name or alias, as the project will be checked against. */
    private String modelId(String name) {
        return catalog.find(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown model '" + name + "' (known: " + catalog.knownModelIds() + ")"))
                .id();
    }

    private void createKey(Options options) {
        IssuedKey issued = accounts.createKey(new NewKey(
                options.positional(),
                options.value("--project"),
                integer(options.value("--rpm"), "--rpm"),
                integer(options.value("--tpm"), "--tpm")));
        out.println("created key " + issued.key().id() + " (" + issued.key().name() + ")"
                + (issued.key().projectId() == null
                        ? ""
                        : " in project " + issued.key().projectId()));
        out.println("secret (shown once): " + issued.secret());
    }

    private void revoke(Options options) {
        String id = options.positional();
        if (!accounts.revokeKey(id)) {
            throw new IllegalArgumentException("no key with id '" + id + "'");
        }
        out.println("revoked key " + id);
    }

    private void printProject(Project project) {
        out.println(project.id() + "  " + project.name() + "  models="
                + (project.allowedModels().isEmpty() ? "all" : String.join(",", project.allowedModels()))
                + "  budget="
                + (project.budgetUsdPerMonth() == null
                        ? "none"
                        : project.budgetUsdPerMonth().toPlainString()));
    }

    private void printKey(ApiKey key) {
        out.println(key.id() + "  " + key.name() + "  " + key.prefix() + "…  project="
                + (key.projectId() == null ? "none" : key.projectId()) + "  rpm=" + orNone(key.rpm()) + "  tpm="
                + orNone(key.tpm()) + (key.active() ? "" : "  revoked " + key.revoked()));
    }

    private static String orNone(Integer value) {
        return value == null ? "none" : value.toString();
    }

    private static BigDecimal decimal(String text, String option) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects a number, got '" + text + "'");
        }
    }

    private static Integer integer(String text, String option) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects a whole number, got '" + text + "'");
        }
    }

    /** One positional argument and {@code --name value} options. */
    private record Options(List<String> positionals, Map<String, String> named) {

        static Options parse(List<String> args) {
            List<String> positionals = new ArrayList<>();
            Map<String, String> named = new HashMap<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.startsWith("--")) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    named.put(arg, args.get(++i));
                } else {
                    positionals.add(arg);
                }
            }
            return new Options(positionals, named);
        }

        String positional() {
            if (positionals.size() != 1) {
                throw new IllegalArgumentException("expected exactly one name or id, got " + positionals);
            }
            return positionals.get(0);
        }

        String value(String name) {
            return named.get(name);
        }
    }
}
