package dev.clod.gateway.provider.gemini;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Ids for Gemini's function calls, which have none of their own (unless Gemini sends an {@code id},
 * which is kept). The n-th call of a response gets {@code call_} and 24 hex digits derived from the
 * response's id and n: the same call has the same id in a stream and in a plain answer, and ids never
 * repeat across responses. A response without an id gets a random seed instead. Tool results are
 * matched back to their calls by these ids, through the conversation the client replays.
 */
final class CallIds {

    private final String seed;
    private int next;

    CallIds(String responseId) {
        this.seed =
                responseId == null || responseId.isEmpty() ? UUID.randomUUID().toString() : responseId;
    }

    /** The id of the next call, or Gemini's own id when it sent one. */
    String next(String geminiId) {
        int n = next++;
        if (geminiId != null && !geminiId.isEmpty()) {
            return geminiId;
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest((seed + "/" + n).getBytes(StandardCharsets.UTF_8));
            return "call_" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
