import { ChatOpenAI } from "@langchain/openai";

const model = new ChatOpenAI({
  model: "llama-3.1-8b@latency",
  apiKey: process.env.CLOD_KEY,
  configuration: { baseURL: process.env.CLOD_BASE_URL ?? "http://127.0.0.1:8080/v1" },
  maxRetries: 1,
});

const reply = await model.invoke("What does an LLM gateway do?");
console.log("answer:", reply.content);
console.log("tokens:", reply.usage_metadata?.total_tokens);

let streamed = "";
for await (const chunk of await model.stream("Stream a short answer.")) {
  streamed += chunk.content;
}
console.log("streamed:", streamed);
