package dev.clod.gateway.provider.conformance;

/**
 * What every provider adapter is held to. Scenarios with a recorded answer name the fixture folder
 * that holds it ({@code fixtures/<provider>/<folder>/}): {@code request.json}, the request the
 * upstream must receive, and {@code response.json} or {@code response.sse}, what it answers.
 */
enum Scenario {
    CHAT("chat", false),
    STREAM("stream", true),
    TOOL_CALL("tool-call", false),
    TOOL_CALL_STREAM("tool-call-stream", true),
    PARALLEL_TOOL_CALLS("parallel-tool-calls", false),
    PARALLEL_TOOL_CALLS_STREAM("parallel-tool-calls-stream", true),
    /** The second round of a tool conversation: two tool results answered with text. */
    TOOL_RESULT("tool-result", false),
    /** A named function forced, one call at a time. */
    TOOL_CHOICE("tool-choice", false),
    JSON_OUTPUT("json-output", false),
    IMAGE("image", false),
    /** The stream's request, answered by a stream that breaks off in the middle of an event. */
    STREAM_CUT("stream-cut", true),
    /** Every error status the upstream answers with, each mapped to the class routing acts on. */
    ERROR_STATUSES(null, false),
    /** An upstream that answers after the timeout, plain and streamed. */
    TIMEOUT(null, false);

    private final String folder;
    private final boolean stream;

    Scenario(String folder, boolean stream) {
        this.folder = folder;
        this.stream = stream;
    }

    /** The fixture folder of the recorded answer; null for scenarios without one. */
    String folder() {
        return folder;
    }

    /** The folder holding the request the upstream must receive. */
    String requestFolder() {
        return this == STREAM_CUT ? STREAM.folder : folder;
    }

    boolean stream() {
        return stream;
    }
}
