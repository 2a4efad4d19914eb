package dev.clod.gateway.routing;

import dev.clod.gateway.catalog.Deployment;
import java.util.List;
import java.util.Objects;

/**
 * The router's answer: every candidate, best first. The engine tries them in this order, so the tail
 * is the fallback plan; deployments cooling down come last.
 */
public record RouteDecision(Strategy strategy, List<ScoredCandidate> ranked) {

    /** The longest {@link #header()} value, so the response headers stay small whatever the catalog. */
    public static final int MAX_HEADER_LENGTH = 1024;

    public RouteDecision {
        Objects.requireNonNull(strategy, "strategy");
        ranked = List.copyOf(ranked);
        if (ranked.isEmpty()) {
            throw new IllegalArgumentException("a route decision ranks at least one candidate");
        }
    }

    /** The deployment to try first. */
    public Deployment chosen() {
        return ranked.get(0).deployment();
    }

    /**
     * A one-line ASCII explanation for the {@code x-clod-route} response header, at most {@link
     * #MAX_HEADER_LENGTH} characters: {@code strategy=price+latency; chosen=a/x; score=0.000;
     * candidates=3; ranked=a/x:0.000,b/y:0.412,c/z:1.000(cooling)}. When the ranking does not fit, it
     * ends with {@code ,+N more}. Built on demand, not while routing.
     */
    public String header() {
        ScoredCandidate first = ranked.get(0);
        StringBuilder text = new StringBuilder(256);
        text.append("strategy=").append(strategy.label());
        text.append("; chosen=");
        appendAscii(text, first.deployment().id());
        text.append("; score=");
        appendScore(text, first.score());
        text.append("; candidates=").append(ranked.size());
        text.append("; ranked=");
        // Leave room for the ",+N more" marker whatever N is.
        int budget = MAX_HEADER_LENGTH - ",+99999999 more".length();
        StringBuilder entry = new StringBuilder(64);
        for (int i = 0; i < ranked.size(); i++) {
            ScoredCandidate candidate = ranked.get(i);
            entry.setLength(0);
            if (i > 0) {
                entry.append(',');
            }
            appendAscii(entry, candidate.deployment().id());
            entry.append(':');
            appendScore(entry, candidate.score());
            if (candidate.coolingDown()) {
                entry.append("(cooling)");
            }
            if (text.length() + entry.length() > budget) {
                text.append(",+").append(ranked.size() - i).append(" more");
                break;
            }
            text.append(entry);
        }
        if (text.length() > MAX_HEADER_LENGTH) {
            // Only an absurdly long chosen id gets here.
            text.setLength(MAX_HEADER_LENGTH - 3);
            text.append("...");
        }
        return text.toString();
    }

    /** Ids come from configuration; anything that is not printable ASCII must not reach a header. */
    private static void appendAscii(StringBuilder text, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            text.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
    }

    private static void appendScore(StringBuilder text, double score) {
        long thousandths = Math.round(score * 1000);
        text.append(thousandths / 1000).append('.');
        long fraction = thousandths % 1000;
        if (fraction < 100) {
            text.append('0');
        }
        if (fraction < 10) {
            text.append('0');
        }
        text.append(fraction);
    }
}
