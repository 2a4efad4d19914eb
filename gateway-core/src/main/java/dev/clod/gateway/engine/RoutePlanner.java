package dev.clod.gateway.engine;

import dev.clod.gateway.CallOptions;
import dev.clod.gateway.api.ChatMessage;
import dev.clod.gateway.api.ChatRequest;
import dev.clod.gateway.api.ContentPart;
import dev.clod.gateway.api.MessageContent;
import dev.clod.gateway.api.ModelNotFoundException;
import dev.clod.gateway.api.NoDeploymentAvailableException;
import dev.clod.gateway.api.PermissionDeniedException;
import dev.clod.gateway.api.UserMessage;
import dev.clod.gateway.catalog.Capability;
import dev.clod.gateway.catalog.Catalog;
import dev.clod.gateway.catalog.Deployment;
import dev.clod.gateway.catalog.Model;
import dev.clod.gateway.pricing.LivePrices;
import dev.clod.gateway.pricing.PriceBoard;
import dev.clod.gateway.pricing.Pricer;
import dev.clod.gateway.pricing.TokenEstimator;
import dev.clod.gateway.provider.ChatProvider;
import dev.clod.gateway.routing.Candidate;
import dev.clod.gateway.routing.ModelSelection;
import dev.clod.gateway.routing.ModelSelector;
import dev.clod.gateway.routing.Router;
import dev.clod.gateway.routing.Strategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a request into a ranked list of deployments: parse the model string, find the model, keep the
 * deployments that can take this request, price them, and let the router rank them.
 */
public final class RoutePlanner {

    /** Expected answer length for pricing when the caller sets no limit. */
    static final int DEFAULT_EXPECTED_OUTPUT_TOKENS = 256;

    private final Catalog catalog;
    private final Map<String, ChatProvider> providers;
    private final Pricer pricer;
    private final LivePrices prices;
    private final Router router;
    private final Strategy defaultStrategy;

    public RoutePlanner(
            Catalog catalog,
            Map<String, ChatProvider> providers,
            Pricer pricer,
            LivePrices prices,
            Router router,
            Strategy defaultStrategy) {
        this.catalog = catalog;
        this.providers = Map.copyOf(providers);
        this.pricer = pricer;
        this.prices = prices;
        this.router = router;
        this.defaultStrategy = defaultStrategy;
    }

    RoutePlan plan(ChatRequest request, CallOptions options) {
        ModelSelection selection = ModelSelector.parse(request.model());
        Strategy strategy =
                firstNonNull(selection.strategy(), options.strategyHeader(), options.keyDefault(), defaultStrategy);
        List<Model> models =
                selection.model() == null ? allowed(catalog.models(), options) : List.of(find(selection.model()));
        if (selection.model() != null && !options.allows(models.get(0).id())) {
            throw new PermissionDeniedException(
                    "The model '" + models.get(0).id() + "' is not allowed for this key's project. Allowed models: "
                            + String.join(", ", new TreeSet<>(options.allowedModels())) + ".",
                    "model",
                    "model_not_allowed");
        }
        Needs needs = Needs.of(request);
        PriceBoard board = prices.board();

        List<Candidate> candidates = new ArrayList<>();
        Map<String, Model> modelsById = new HashMap<>();
        Set<String> unavailable = new LinkedHashSet<>();
        Unfit incapable = null;
        for (Model model : models) {
            Unfit whyNot = needs.whyNot(model);
            if (whyNot != null) {
                incapable = incapable == null ? whyNot : incapable;
                continue;
            }
            for (Deployment deployment : model.deployments()) {
                ChatProvider provider = providers.get(deployment.providerId());
                if (!provider.available()) {
                    unavailable.add(provider.unavailableReason());
                    continue;
                }
                int expectedOutput = Math.min(
                        needs.outputLimit == null ? DEFAULT_EXPECTED_OUTPUT_TOKENS : needs.outputLimit,
                        model.maxOutputTokens());
                candidates.add(new Candidate(
                        deployment,
                        pricer.quote(board, model, deployment).expectedCost(needs.promptTokens, expectedOutput)));
                modelsById.put(model.id(), model);
            }
        }
        if (candidates.isEmpty()) {
            throw noCandidate(request.model(), models.size() == 1, incapable, unavailable);
        }
        return new RoutePlan(request.model(), strategy, router.route(candidates, strategy), modelsById, board);
    }

    private static List<Model> allowed(List<Model> models, CallOptions options) {
        if (options.allowedModels() == null) {
            return models;
        }
        List<Model> allowed = new ArrayList<>();
        for (Model model : models) {
            if (options.allows(model.id())) {
                allowed.add(model);
            }
        }
        if (allowed.isEmpty()) {
            throw new PermissionDeniedException(
                    "This key's project may use none of the gateway's models.", "model", "model_not_allowed");
        }
        return allowed;
    }

    private Model find(String name) {
        return catalog.find(name)
                .orElseThrow(() -> new ModelNotFoundException(
                        "The model '" + name + "' does not exist. Known models: " + catalog.knownModelIds() + "."));
    }

    private static RuntimeException noCandidate(
            String requested, boolean singleModel, Unfit incapable, Set<String> unavailable) {
        if (incapable != null && (singleModel || unavailable.isEmpty())) {
            return NoDeploymentAvailableException.incapable(incapable.message(), incapable.param());
        }
        return NoDeploymentAvailableException.unavailable(
                "No deployment of '" + requested + "' is available now: " + String.join("; ", unavailable) + ".");
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Why a model cannot take a request, and the request parameter that asks too much. */
    private record Unfit(String message, String param) {}

    /** What a request needs of a model. */
    private static final class Needs {
        final boolean tools;
        final boolean vision;
        final int promptTokens;
        final Integer outputLimit;
        final String outputParam;

        private Needs(boolean tools, boolean vision, int promptTokens, Integer outputLimit, String outputParam) {
            this.tools = tools;
            this.vision = vision;
            this.promptTokens = promptTokens;
            this.outputLimit = outputLimit;
            this.outputParam = outputParam;
        }

        static Needs of(ChatRequest request) {
            return new Needs(
                    !request.tools().isEmpty(),
                    hasImage(request.messages()),
                    TokenEstimator.promptTokens(request),
                    request.outputLimit(),
                    request.maxCompletionTokens() != null ? "max_completion_tokens" : "max_tokens");
        }

        /** Why the model cannot take the request, or null if it can. */
        Unfit whyNot(Model model) {
            if (tools && !model.has(Capability.TOOLS)) {
                return new Unfit("Model '" + model.id() + "' does not support tools.", "tools");
            }
            if (vision && !model.has(Capability.VISION)) {
                return new Unfit("Model '" + model.id() + "' does not accept images.", "messages");
            }
            if (outputLimit != null && outputLimit > model.maxOutputTokens()) {
                return new Unfit(
                        outputParam + " is " + outputLimit + ", above the limit of model '" + model.id() + "' ("
                                + model.maxOutputTokens() + ").",
                        outputParam);
            }
            int needed = promptTokens + (outputLimit == null ? 0 : outputLimit);
            if (needed > model.contextWindow()) {
                return new Unfit(
                        "This request needs about " + needed + " tokens, more than the context window of model '"
                                + model.id() + "' (" + model.contextWindow() + ").",
                        "messages");
            }
            return null;
        }

        private static boolean hasImage(List<ChatMessage> messages) {
            for (ChatMessage message : messages) {
                if (message instanceof UserMessage user && user.content() instanceof MessageContent.Parts parts) {
                    for (ContentPart part : parts.parts()) {
                        if (part instanceof ContentPart.ImagePart) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }
}
