package dev.clod.gateway.api;

/**
 * The calling key used up its requests or tokens for this minute (429). OpenAI's error {@code type}
 * tells which: {@code requests} or {@code tokens}. The answer carries a {@code Retry-After} header of
 * {@link #retryAfterSeconds()}.
 */
public final class RateLimitException extends ClodException {

    /** Which per-minute limit was reached; its wire name is OpenAI's error {@code type}. */
    public enum Limit {
        REQUESTS("requests"),
        TOKENS("tokens");

        private final String type;

        Limit(String type) {
            this.type = type;
        }

        /** OpenAI's {@code error.type} for this limit. */
        public String type() {
            return type;
        }
    }

    private final Limit limit;
    private final long retryAfterSeconds;

    /** A requests-per-minute limit was reached. */
    public RateLimitException(String message, long retryAfterSeconds) {
        this(Limit.REQUESTS, message, retryAfterSeconds);
    }

    public RateLimitException(Limit limit, String message, long retryAfterSeconds) {
        super(429, limit.type(), "rate_limit_exceeded", null, message, null);
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative: " + retryAfterSeconds);
        }
        this.limit = limit;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Limit limit() {
        return limit;
    }

    /** How long the caller should wait before the limit admits it again, in whole seconds. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
