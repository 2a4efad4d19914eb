package dev.clod.gateway.provider.openai;

import dev.clod.gateway.api.ChatChunk;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.api.json.ChatJson;
import dev.clod.gateway.api.json.ErrorBody;
import dev.clod.gateway.api.json.ErrorBodyException;
import dev.clod.gateway.api.json.MalformedJsonException;
import dev.clod.gateway.provider.StreamListener;
import dev.clod.gateway.provider.http.EventStream;
import dev.clod.gateway.provider.http.TransportFailures;
import java.net.http.HttpHeaders;
import java.time.Clock;

/**
 * One streamed call to an OpenAI-compatible server: each {@code data:} line is a chunk, handed to the
 * listener as it arrives; {@code [DONE]} ends the stream, an error envelope inside it fails it.
 */
final class SseStream extends EventStream {

    private static final String DONE = "[DONE]";

    private final Clock clock;

    // Guarded by this.
    private boolean sawFinishReason;

    SseStream(StreamListener listener, String deployment, Clock clock) {
        super(listener, deployment);
        this.clock = clock;
    }

    @Override
    protected UpstreamException errorAnswer(int status, HttpHeaders headers, byte[] body) {
        return UpstreamFailures.ofStatus(status, headers, body, deployment());
    }

    @Override
    protected void onEvent(String event, String data) {
        if (data.equals(DONE)) {
            complete();
            return;
        }
        ChatChunk chunk;
        try {
            chunk = ChatJson.readChunk(data);
        } catch (ErrorBodyException e) {
            fail(UpstreamFailures.ofErrorBody(e.error(), status(), deployment()));
            return;
        } catch (MalformedJsonException e) {
            if ("error".equals(event)) {
                fail(UpstreamFailures.ofErrorBody(
                        new ErrorBody(TransportFailures.cap(data), null, null, null), status(), deployment()));
            } else {
                fail(TransportFailures.malformed(status(), "a chat completion chunk", e, deployment()));
            }
            return;
        }
        if (chunk.created() == 0) {
            chunk = new ChatChunk(
                    chunk.id(), clock.instant().getEpochSecond(), chunk.model(), chunk.choices(), chunk.usage());
        }
        for (ChatChunk.ChunkChoice choice : chunk.choices()) {
            sawFinishReason |= choice.finishReason() != null;
        }
        emit(chunk);
    }

    @Override
    protected void onEnd() {
        if (sawFinishReason) {
            // Some servers close after the last chunk without sending [DONE]; nothing was lost.
            complete();
        } else {
            fail(TransportFailures.cutShort(status(), deployment()));
        }
    }
}
