package dev.clod.gateway.api.json;

import static dev.clod.gateway.api.json.ReadRequestTest.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clod.gateway.api.AssistantMessage;
import dev.clod.gateway.api.ChatChunk;
import dev.clod.gateway.api.ChatChunk.ChunkChoice;
import dev.clod.gateway.api.ChatChunk.Delta;
import dev.clod.gateway.api.ChatChunk.ToolCallDelta;
import dev.clod.gateway.api.ChatResponse;
import dev.clod.gateway.api.ClodException;
import dev.clod.gateway.api.FailureClass;
import dev.clod.gateway.api.FinishReason;
import dev.clod.gateway.api.InvalidRequestException;
import dev.clod.gateway.api.ModelNotFoundException;
import dev.clod.gateway.api.ToolCall;
import dev.clod.gateway.api.UpstreamException;
import dev.clod.gateway.api.Usage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Answers, chunks and errors: written in OpenAI's exact shape, and read from what servers send. */
class ResponseJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesCompletion() throws Exception {
        ChatResponse response = new ChatResponse(
                "chatcmpl-1",
                1723000000L,
                "llama-3.1-8b",
                List.of(new ChatResponse.Choice(0, AssistantMessage.of("Hello!"), FinishReason.STOP)),
                new Usage(12, 3, 8),
                "fp_44709d6fcb");

        assertThat(JSON.readTree(ChatJson.writeResponse(response)))
                .isEqualTo(JSON.readTree(q("{'id':'chatcmpl-1','object':'chat.completion','created':1723000000,"
                        + "'model':'llama-3.1-8b','choices':[{'index':0,'message':{'role':'assistant','content':'Hello!'},"
                        + "'logprobs':null,'finish_reason':'stop'}],'usage':{'prompt_tokens':12,'completion_tokens':3,"
                        + "'total_tokens':15,'prompt_tokens_details':{'cached_tokens':8}},"
                        + "'system_fingerprint':'fp_44709d6fcb'}")));
    }

    @Test
    void writesToolCallCompletionWithNullContent() throws Exception {
        ChatResponse response = new ChatResponse(
                "c",
                1L,
                "m",
                List.of(new ChatResponse.Choice(
                        0,
                        AssistantMessage.ofToolCalls(List.of(new ToolCall("call_1", "f", "{}"))),
                        FinishReason.TOOL_CALLS)),
                Usage.ZERO,
                null);

        assertThat(JSON.readTree(ChatJson.writeResponse(response)))
                .isEqualTo(JSON.readTree(q("{'id':'c','object':'chat.completion','created':1,'model':'m','choices':[{"
                        + "'index':0,'message':{'role':'assistant','content':null,'tool_calls':[{'id':'call_1',"
                        + "'type':'function','function':{'name':'f','arguments':'{}'}}]},'logprobs':null,"
                        + "'finish_reason':'tool_calls'}],'usage':{'prompt_tokens':0,'completion_tokens':0,"
                        + "'total_tokens':0,'prompt_tokens_details':{'cached_tokens':0}}}")));
    }

    static Stream<Arguments> chunks() {
        return Stream.of(
                Arguments.of(
                        new ChatChunk(
                                "c",
                                5L,
                                "m",
                                List.of(new ChunkChoice(0, new Delta("assistant", "", null, null), null)),
                                null),
                        "{'id':'c','object':'chat.completion.chunk','created':5,'model':'m','choices':[{'index':0,"
                                + "'delta':{'role':'assistant','content':''},'logprobs':null,'finish_reason':null}]}"),
                Arguments.of(
                        new ChatChunk(
                                "c", 5L, "m", List.of(new ChunkChoice(0, Delta.EMPTY, FinishReason.LENGTH)), null),
                        "{'id':'c','object':'chat.completion.chunk','created':5,'model':'m','choices':[{'index':0,"
                                + "'delta':{},'logprobs':null,'finish_reason':'length'}]}"),
                Arguments.of(
                        new ChatChunk(
                                "c",
                                5L,
                                "m",
                                List.of(new ChunkChoice(
                                        0,
                                        new Delta(
                                                null,
                                                null,
                                                List.of(
                                                        new ToolCallDelta(0, "call_1", "f", ""),
                                                        new ToolCallDelta(1, null, null, "{\"a\":")),
                                                null),
                                        null)),
                                null),
                        "{'id':'c','object':'chat.completion.chunk','created':5,'model':'m','choices':[{'index':0,"
                                + "'delta':{'tool_calls':[{'index':0,'id':'call_1','type':'function','function':"
                                + "{'name':'f','arguments':''}},{'index':1,'function':{'arguments':'{\\'a\\':'}}]},"
                                + "'logprobs':null,'finish_reason':null}]}"),
                Arguments.of(
                        new ChatChunk("c", 5L, "m", List.of(), new Usage(9, 4, 0)),
                        "{'id':'c','object':'chat.completion.chunk','created':5,'model':'m','choices':[],"
                                + "'usage':{'prompt_tokens':9,'completion_tokens':4,'total_tokens':13,"
                                + "'prompt_tokens_details':{'cached_tokens':0}}}"));
    }

    @ParameterizedTest
    @MethodSource("chunks")
    void writesChunksOnOneLineAndReadsThemBack(ChatChunk chunk, String expected) throws Exception {
        String written = ChatJson.writeChunk(chunk);

        assertThat(written).doesNotContain("\n");
        assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree(q(expected)));
        assertThat(ChatJson.readChunk(written)).isEqualTo(chunk);
    }

    /** Chunks as api.openai.com sends them, extra fields and all. */
    static Stream<Arguments> openAiChunks() {
        return Stream.of(
                Arguments.of(
                        "{\"id\":\"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG\",\"object\":\"chat.completion.chunk\","
                                + "\"created\":1741570283,\"model\":\"gpt-4o-2024-08-06\",\"service_tier\":\"default\","
                                + "\"system_fingerprint\":\"fp_eb9dce56a8\",\"choices\":[{\"index\":0,\"delta\":"
                                + "{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,"
                                + "\"finish_reason\":null}],\"usage\":null}",
                        new ChatChunk(
                                "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG",
                                1741570283L,
                                "gpt-4o-2024-08-06",
                                List.of(new ChunkChoice(0, new Delta("assistant", "", null, null), null)),
                                null)),
                Arguments.of(
                        "{\"id\":\"chatcmpl-B9\",\"object\":\"chat.completion.chunk\",\"created\":1741570283,"
                                + "\"model\":\"gpt-4o-2024-08-06\",\"system_fingerprint\":\"fp_eb9dce56a8\",\"choices\":"
                                + "[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
                                + "\"ity\\\":\\\"Paris\"}}]},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}",
                        new ChatChunk(
                                "chatcmpl-B9",
                                1741570283L,
                                "gpt-4o-2024-08-06",
                                List.of(new ChunkChoice(
                                        0,
                                        new Delta(
                                                null,
                                                null,
                                                List.of(new ToolCallDelta(0, null, null, "ity\":\"Paris")),
                                                null),
                                        null)),
                                null)),
                Arguments.of(
                        "{\"id\":\"chatcmpl-B9\",\"object\":\"chat.completion.chunk\",\"created\":1741570283,"
                                + "\"model\":\"gpt-4o-2024-08-06\",\"service_tier\":\"default\",\"system_fingerprint\":"
                                + "\"fp_eb9dce56a8\",\"choices\":[],\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":10,"
                                + "\"total_tokens\":29,\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
                                + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
                                + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}}",
                        new ChatChunk(
                                "chatcmpl-B9", 1741570283L, "gpt-4o-2024-08-06", List.of(), new Usage(19, 10, 0))),
                Arguments.of(
                        // Ollama's finish chunk: no usage field at all.
                        "{\"id\":\"chatcmpl-387\",\"object\":\"chat.completion.chunk\",\"created\":1741570283,"
                                + "\"model\":\"llama3.2\",\"system_fingerprint\":\"fp_ollama\",\"choices\":[{\"index\":0,"
                                + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":\"stop\"}]}",
                        new ChatChunk(
                                "chatcmpl-387",
                                1741570283L,
                                "llama3.2",
                                List.of(new ChunkChoice(0, new Delta("assistant", "", null, null), FinishReason.STOP)),
                                null)));
    }

    @ParameterizedTest
    @MethodSource("openAiChunks")
    void readsRealChunks(String data, ChatChunk expected) {
        assertThat(ChatJson.readChunk(data)).isEqualTo(expected);
    }

    @Test
    void readsCompletionWithToolCallsAndCachedTokens() {
        String body = "{\"id\":\"chatcmpl-abc\",\"object\":\"chat.completion\",\"created\":1741569952,"
                + "\"model\":\"gpt-4.1-2025-04-14\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":null,\"tool_calls\":[{\"id\":\"call_DdmO9pD3xa9XTPNJ32zg2hcA\",\"type\":\"function\","
                + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"location\\\":\\\"Paris\\\"}\"}}],"
                + "\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"tool_calls\"}],"
                + "\"usage\":{\"prompt_tokens\":82,\"completion_tokens\":17,\"total_tokens\":99,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":64,\"audio_tokens\":0}},\"service_tier\":\"default\","
                + "\"system_fingerprint\":\"fp_b3f1157249\"}";

        ChatResponse response = ChatJson.readResponse(body.getBytes(StandardCharsets.UTF_8));

        assertThat(response)
                .isEqualTo(new ChatResponse(
                        "chatcmpl-abc",
                        1741569952L,
                        "gpt-4.1-2025-04-14",
                        List.of(new ChatResponse.Choice(
                                0,
                                AssistantMessage.ofToolCalls(List.of(new ToolCall(
                                        "call_DdmO9pD3xa9XTPNJ32zg2hcA", "get_weather", "{\"location\":\"Paris\"}"))),
                                FinishReason.TOOL_CALLS)),
                        new Usage(82, 17, 64),
                        "fp_b3f1157249"));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("<html>502 Bad Gateway</html>"),
                Arguments.of("[]"),
                Arguments.of("{\"id\":\"x\",\"object\":\"chat.completion\"}"),
                Arguments.of("{\"id\":\"x\",\"choices\":[{\"index\":0}]}"),
                Arguments.of("{\"id\":\"x\",\"choices\":[{\"message\":{\"content\":\"a\"}}],"
                        + "\"usage\":{\"prompt_tokens\":-1}}"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void rejectsWhatIsNotACompletion(String body) {
        assertThatThrownBy(() -> ChatJson.readResponse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void rejectsChunkThatIsNotJson() {
        assertThatThrownBy(() -> ChatJson.readChunk("{\"id\":")).isInstanceOf(MalformedJsonException.class);
    }

    static Stream<Arguments> errorBodies() {
        return Stream.of(
                Arguments.of(
                        "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"param\":null,"
                                + "\"code\":\"rate_limit_exceeded\"}}",
                        Optional.of(new ErrorBody("Rate limit reached", "requests", null, "rate_limit_exceeded"))),
                Arguments.of(
                        "{\"error\":{\"code\":502,\"message\":\"Provider returned error\"}}",
                        Optional.of(new ErrorBody("Provider returned error", null, null, "502"))),
                Arguments.of(
                        "{\"error\":\"model 'x' not found\"}",
                        Optional.of(new ErrorBody("model 'x' not found", null, null, null))),
                Arguments.of(
                        "{\"object\":\"error\",\"message\":\"bad\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}",
                        Optional.of(new ErrorBody("bad", "BadRequestError", null, "400"))),
                Arguments.of("upstream connect error", Optional.empty()),
                Arguments.of("{\"detail\":\"Not Found\"}", Optional.empty()));
    }

    @ParameterizedTest
    @MethodSource("errorBodies")
    void readsErrorBodies(String body, Optional<ErrorBody> expected) {
        assertThat(ChatJson.readError(body.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    }

    @Test
    void readChunkReportsAnErrorEnvelope() {
        assertThatThrownBy(
                        () -> ChatJson.readChunk(
                                "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\",\"param\":null,\"code\":null}}"))
                .isInstanceOfSatisfying(ErrorBodyException.class, e -> assertThat(e.error())
                        .isEqualTo(new ErrorBody("overloaded", "server_error", null, null)));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(
                        new InvalidRequestException("Invalid temperature.", "temperature", "decimal_above_max_value"),
                        "{'error':{'message':'Invalid temperature.','type':'invalid_request_error',"
                                + "'param':'temperature','code':'decimal_above_max_value'}}"),
                Arguments.of(
                        new ModelNotFoundException("No model x."),
                        "{'error':{'message':'No model x.','type':'invalid_request_error','param':'model',"
                                + "'code':'model_not_found'}}"),
                Arguments.of(
                        new UpstreamException(FailureClass.TRANSIENT, "m/p", 503, "busy", null),
                        "{'error':{'message':'busy','type':'upstream_error','param':null,'code':'upstream_unavailable'}}"),
                Arguments.of(
                        new UpstreamException(FailureClass.CALLER_FAULT, "m/p", 400, "bad", null),
                        "{'error':{'message':'bad','type':'invalid_request_error','param':null,'code':null}}"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void writesErrorsWithEveryKey(ClodException error, String expected) throws Exception {
        assertThat(JSON.readTree(ChatJson.writeError(error))).isEqualTo(JSON.readTree(q(expected)));
    }
}
