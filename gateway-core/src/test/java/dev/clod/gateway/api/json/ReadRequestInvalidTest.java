package dev.clod.gateway.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clod.gateway.api.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a client body can be wrong, and the parameter and message OpenAI would answer with. */
class ReadRequestInvalidTest {

    private static final String MSG = "'messages':[{'role':'user','content':'hi'}]";

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                bad("{\"model\": ", null, null, "We could not parse the JSON body of your request."),
                bad("", null, null, "We could not parse the JSON body of your request."),
                bad("{} {}", null, null, "We could not parse the JSON body of your request."),
                bad("[1]", null, null, "The request body must be a JSON object, but got an array instead."),
                bad(q("{" + MSG + "}"), "model", "missing_required_parameter", "Missing required parameter: 'model'."),
                bad(
                        q("{'model':null," + MSG + "}"),
                        "model",
                        "missing_required_parameter",
                        "Missing required parameter: 'model'."),
                bad(
                        q("{'model':7," + MSG + "}"),
                        "model",
                        "invalid_type",
                        "Invalid type for 'model': expected a string, but got an integer instead."),
                bad(
                        q("{'model':'m'}"),
                        "messages",
                        "missing_required_parameter",
                        "Missing required parameter: 'messages'."),
                bad(
                        q("{'model':'m','messages':{}}"),
                        "messages",
                        "invalid_type",
                        "Invalid type for 'messages': expected an array, but got an object instead."),
                bad(
                        q("{'model':'m','messages':[]}"),
                        "messages",
                        "empty_array",
                        "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty"
                                + " array instead."),
                bad(
                        q("{'model':'m','messages':['hi']}"),
                        "messages[0]",
                        "invalid_type",
                        "Invalid type for 'messages[0]': expected an object, but got a string instead."),
                bad(
                        q("{'model':'m','messages':[{'content':'hi'}]}"),
                        "messages[0].role",
                        "missing_required_parameter",
                        "Missing required parameter: 'messages[0].role'."),
                bad(
                        q("{'model':'m','messages':[{'role':'robot','content':'hi'}]}"),
                        "messages[0].role",
                        "invalid_value",
                        "Invalid value: 'robot'. Supported values are: 'system', 'developer', 'user', 'assistant'"
                                + " and 'tool'."),
                bad(
                        q("{'model':'m','messages':[{'role':'user','content':'a'},{'role':'assistant','content':'b'},"
                                + "{'role':'user','content':5}]}"),
                        "messages[2].content",
                        "invalid_type",
                        "Invalid type for 'messages[2].content': expected one of a string or an array of objects,"
                                + " but got an integer instead."),
                bad(
                        q("{'model':'m','messages':[{'role':'user'}]}"),
                        "messages[0].content",
                        "missing_required_parameter",
                        "Missing required parameter: 'messages[0].content'."),
                bad(
                        q("{'model':'m','messages':[{'role':'user','content':[]}]}"),
                        "messages[0].content",
                        "empty_array",
                        null),
                bad(
                        q("{'model':'m','messages':[{'role':'user','content':[{'text':'x'}]}]}"),
                        "messages[0].content[0].type",
                        "missing_required_parameter",
                        "Missing required parameter: 'messages[0].content[0].type'."),
                bad(
                        q("{'model':'m','messages':[{'role':'user','content':[{'type':'image_url','image_url':{}}]}]}"),
                        "messages[0].content[0].image_url.url",
                        "missing_required_parameter",
                        null),
                bad(
                        q("{'model':'m','messages':[{'role':'system','content':[{'type':'image_url'}]}]}"),
                        "messages[0].content[0].type",
                        "invalid_value",
                        "Invalid value: 'image_url'. Supported values are: 'text'."),
                bad(
                        q("{'model':'m','messages':[{'role':'tool','content':'42'}]}"),
                        "messages[0].tool_call_id",
                        "missing_required_parameter",
                        "Missing required parameter: 'messages[0].tool_call_id'."),
                bad(
                        q("{'model':'m','messages':[{'role':'assistant','tool_calls':[{'type':'function',"
                                + "'function':{'name':'f','arguments':'{}'}}]}]}"),
                        "messages[0].tool_calls[0].id",
                        "missing_required_parameter",
                        null),
                bad(
                        q("{'model':'m','messages':[{'role':'assistant','tool_calls':[{'id':'c','type':'function',"
                                + "'function':{'name':'f','arguments':{}}}]}]}"),
                        "messages[0].tool_calls[0].function.arguments",
                        "invalid_type",
                        "Invalid type for 'messages[0].tool_calls[0].function.arguments': expected a string, but"
                                + " got an object instead."),
                bad(
                        q("{'model':'m','messages':[{'role':'function','name':'f','content':'x'}]}"),
                        "messages[0].role",
                        "invalid_value",
                        "The 'function' role is not supported; send tool results as messages with role 'tool' and a"
                                + " 'tool_call_id'."),
                bad(
                        q("{'model':'m'," + MSG + ",'functions':[{'name':'f'}]}"),
                        "functions",
                        "unsupported_parameter",
                        "'functions' is the deprecated function-calling form and is not supported; use 'tools',"
                                + " 'tool_choice' and 'tool_calls' instead."),
                bad(
                        q("{'model':'m'," + MSG + ",'function_call':'auto'}"),
                        "function_call",
                        "unsupported_parameter",
                        null),
                bad(
                        q("{'model':'m'," + MSG + ",'stream':'yes'}"),
                        "stream",
                        "invalid_type",
                        "Invalid type for 'stream': expected a boolean, but got a string instead."),
                bad(
                        q("{'model':'m'," + MSG + ",'stream':true,'stream_options':{'include_usage':1}}"),
                        "stream_options.include_usage",
                        "invalid_type",
                        null),
                bad(
                        q("{'model':'m'," + MSG + ",'max_tokens':0}"),
                        "max_tokens",
                        "integer_below_min_value",
                        "Invalid 'max_tokens': integer below minimum value. Expected a value >= 1, but got 0 instead."),
                bad(
                        q("{'model':'m'," + MSG + ",'max_completion_tokens':1.5}"),
                        "max_completion_tokens",
                        "invalid_type",
                        "Invalid type for 'max_completion_tokens': expected an integer, but got a decimal instead."),
                bad(
                        q("{'model':'m'," + MSG + ",'max_tokens':3000000000}"),
                        "max_tokens",
                        "integer_above_max_value",
                        null),
                bad(
                        q("{'model':'m'," + MSG + ",'temperature':'hot'}"),
                        "temperature",
                        "invalid_type",
                        "Invalid type for 'temperature': expected a decimal, but got a string instead."),
                bad(
                        q("{'model':'m'," + MSG + ",'temperature':2.5}"),
                        "temperature",
                        "decimal_above_max_value",
                        "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 2.5"
                                + " instead."),
                bad(q("{'model':'m'," + MSG + ",'top_p':-0.1}"), "top_p", "decimal_below_min_value", null),
                bad(
                        q("{'model':'m'," + MSG + ",'stop':['a','b','c','d','e']}"),
                        "stop",
                        "array_above_max_length",
                        "Invalid 'stop': array too long. Expected an array with maximum length 4, but got an array"
                                + " with length 5 instead."),
                bad(q("{'model':'m'," + MSG + ",'stop':['a',1]}"), "stop[1]", "invalid_type", null),
                bad(q("{'model':'m'," + MSG + ",'seed':'x'}"), "seed", "invalid_type", null),
                bad(q("{'model':'m'," + MSG + ",'user':{}}"), "user", "invalid_type", null),
                bad(q("{'model':'m'," + MSG + ",'tools':{}}"), "tools", "invalid_type", null),
                bad(
                        q("{'model':'m'," + MSG + ",'tools':[{'type':'function'}]}"),
                        "tools[0].function",
                        "missing_required_parameter",
                        null),
                bad(
                        q("{'model':'m'," + MSG + ",'tools':[{'type':'retrieval','function':{'name':'f'}}]}"),
                        "tools[0].type",
                        "invalid_value",
                        "Invalid value: 'retrieval'. Supported values are: 'function'."),
                bad(
                        q("{'model':'m'," + MSG + ",'tools':[{'type':'function','function':{'name':'get weather'}}]}"),
                        "tools[0].function.name",
                        "invalid_value",
                        "Invalid 'tools[0].function.name': string does not match pattern. Expected a string that"
                                + " matches the pattern '^[a-zA-Z0-9_-]{1,64}$'."),
                bad(
                        q("{'model':'m'," + MSG + ",'tools':[{'type':'function','function':{'name':'" + "a".repeat(65)
                                + "'}}]}"),
                        "tools[0].function.name",
                        "invalid_value",
                        null),
                bad(
                        q("{'model':'m'," + MSG
                                + ",'tools':[{'type':'function','function':{'name':'f','parameters':'{}'}}]}"),
                        "tools[0].function.parameters",
                        "invalid_type",
                        "Invalid type for 'tools[0].function.parameters': expected an object, but got a string"
                                + " instead."),
                bad(
                        q("{'model':'m'," + MSG + ",'tool_choice':'always'}"),
                        "tool_choice",
                        "invalid_value",
                        "Invalid value: 'always'. Supported values are: 'none', 'auto' and 'required'."),
                bad(
                        q("{'model':'m'," + MSG + ",'tool_choice':'required'}"),
                        "tool_choice",
                        "invalid_value",
                        "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are"
                                + " specified."),
                bad(
                        q("{'model':'m'," + MSG + ",'tools':[{'type':'function','function':{'name':'f'}}],"
                                + "'tool_choice':{'type':'function','function':{'name':'g'}}}"),
                        "tool_choice.function.name",
                        "invalid_value",
                        "Invalid value for 'tool_choice': function 'g' is not one of the functions in 'tools'."),
                bad(
                        q("{'model':'m'," + MSG + ",'tools':[{'type':'function','function':{'name':'f'}}],"
                                + "'tool_choice':{'type':'function'}}"),
                        "tool_choice.function",
                        "missing_required_parameter",
                        null),
                bad(
                        q("{'model':'m'," + MSG + ",'parallel_tool_calls':'no'}"),
                        "parallel_tool_calls",
                        "invalid_type",
                        null),
                bad(
                        q("{'model':'m'," + MSG + ",'response_format':{'type':'xml'}}"),
                        "response_format.type",
                        "invalid_value",
                        "Invalid value: 'xml'. Supported values are: 'text', 'json_object' and 'json_schema'."),
                bad(
                        q("{'model':'m'," + MSG + ",'response_format':{'type':'json_schema'}}"),
                        "response_format.json_schema",
                        "missing_required_parameter",
                        null),
                bad(
                        q("{'model':'m'," + MSG
                                + ",'response_format':{'type':'json_schema','json_schema':{'schema':{}}}}"),
                        "response_format.json_schema.name",
                        "missing_required_parameter",
                        null));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("invalidBodies")
    void namesTheParameterAtFault(String body, String param, String code, String message) {
        InvalidRequestException error = catchThrowableOfType(
                InvalidRequestException.class, () -> ChatJson.readRequest(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(error).as("rejected").isNotNull();
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.type()).isEqualTo("invalid_request_error");
        assertThat(error.param()).isEqualTo(param);
        assertThat(error.code()).isEqualTo(code);
        if (message != null && message.endsWith("request.")) {
            assertThat(error.getMessage()).startsWith(message);
        } else if (message != null) {
            assertThat(error.getMessage()).isEqualTo(message);
        } else {
            assertThat(error.getMessage()).contains("'" + param + "'");
        }
    }

    private static Arguments bad(String body, String param, String code, String message) {
        return Arguments.of(body, param, code, message);
    }

    /** JSON written with single quotes, for readability. */
    private static String q(String json) {
        return json.replace('\'', '"');
    }
}
