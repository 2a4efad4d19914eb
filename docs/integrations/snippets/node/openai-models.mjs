import OpenAI from "openai";

const client = new OpenAI({
  baseURL: process.env.CLOD_BASE_URL ?? "http://127.0.0.1:8080/v1",
  apiKey: process.env.CLOD_KEY,
});

// Beside OpenAI's fields, each model says how much it can read and write and what it supports:
// the figures tools such as OpenClaw, Kilo Code and Roo Code ask for.
for await (const model of client.models.list()) {
  console.log(
    model.id,
    "context_window:", model.context_window,
    "max_output_tokens:", model.max_output_tokens,
    "capabilities:", (model.capabilities ?? []).join(","),
  );
}
