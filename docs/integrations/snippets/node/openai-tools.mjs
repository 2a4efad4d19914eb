import OpenAI from "openai";

const client = new OpenAI({
  baseURL: process.env.CLOD_BASE_URL ?? "http://127.0.0.1:8080/v1",
  apiKey: process.env.CLOD_KEY,
});

const tools = [
  {
    type: "function",
    function: {
      name: "get_weather",
      description: "The current weather in a city",
      parameters: {
        type: "object",
        properties: {
          city: { type: "string" },
          unit: { type: "string", enum: ["celsius", "fahrenheit"] },
        },
        required: ["city", "unit"],
      },
    },
  },
];

// Your own implementation of the tool; here, a fixed observation.
function getWeather({ city, unit }) {
  return { city, unit, sky: "clear", temperature: unit === "celsius" ? 21 : 70 };
}

const messages = [{ role: "user", content: "What is the weather in Lyon?" }];
const first = await client.chat.completions.create({ model: "llama-3.1-8b", messages, tools });

const asked = first.choices[0].message;
messages.push(asked);
for (const call of asked.tool_calls ?? []) {
  const args = JSON.parse(call.function.arguments);
  const result = getWeather(args);
  console.log("tool call:", call.function.name, call.function.arguments, "->", JSON.stringify(result));
  messages.push({ role: "tool", tool_call_id: call.id, content: JSON.stringify(result) });
}

const second = await client.chat.completions.create({ model: "llama-3.1-8b", messages, tools });
console.log("answer:", second.choices[0].message.content);
