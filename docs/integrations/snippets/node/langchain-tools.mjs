import { ChatOpenAI } from "@langchain/openai";
import { HumanMessage, ToolMessage } from "@langchain/core/messages";

const model = new ChatOpenAI({
  model: "llama-3.1-8b",
  apiKey: process.env.CLOD_KEY,
  configuration: { baseURL: process.env.CLOD_BASE_URL ?? "http://127.0.0.1:8080/v1" },
  maxRetries: 1,
});

// A tool in OpenAI's format; LangChain also takes zod schemas and tool() objects.
const withTools = model.bindTools([
  {
    type: "function",
    function: {
      name: "convert_currency",
      description: "Convert an amount of money to another currency",
      parameters: {
        type: "object",
        properties: {
          amount: { type: "number" },
          from: { type: "string", enum: ["EUR", "USD", "GBP"] },
          to: { type: "string", enum: ["USD", "EUR", "GBP"] },
        },
        required: ["amount", "from", "to"],
      },
    },
  },
]);

const messages = [new HumanMessage("Convert 1 EUR to USD, please.")];
const asked = await withTools.invoke(messages);
messages.push(asked);
for (const call of asked.tool_calls) {
  // Your own implementation of the tool; here, one fixed rate.
  const result = { ...call.args, result: call.args.amount * 1.08 };
  console.log("tool call:", call.name, JSON.stringify(call.args), "->", JSON.stringify(result));
  messages.push(new ToolMessage({ tool_call_id: call.id, content: JSON.stringify(result) }));
}

const answered = await withTools.invoke(messages);
console.log("answer:", answered.content);
