import OpenAI from "openai";

const client = new OpenAI({
  baseURL: process.env.CLOD_BASE_URL ?? "http://127.0.0.1:8080/v1",
  apiKey: process.env.CLOD_KEY,
});

const stream = await client.chat.completions.create({
  model: "deepseek-v3@tokenrate",
  messages: [{ role: "user", content: "Write a haiku about electricity prices." }],
  stream: true,
  // Without this the stream carries no token counts.
  stream_options: { include_usage: true },
});

let text = "";
let chunks = 0;
for await (const chunk of stream) {
  chunks++;
  text += chunk.choices[0]?.delta?.content ?? "";
  if (chunk.usage) {
    console.log("usage:", chunk.usage.prompt_tokens, "prompt +", chunk.usage.completion_tokens, "completion tokens");
  }
}
console.log("chunks:", chunks);
console.log("text:", text);
