import OpenAI from "openai";

const client = new OpenAI({
  baseURL: process.env.CLOD_BASE_URL ?? "http://127.0.0.1:8080/v1",
  apiKey: process.env.CLOD_KEY,
});

// The strategy rides in the model name; withResponse() also hands back the HTTP response,
// whose headers say where the request ran and what it cost.
const { data: completion, response } = await client.chat.completions
  .create({
    model: "llama-3.1-8b@price",
    messages: [{ role: "user", content: "Say hello in five words." }],
  })
  .withResponse();

console.log("answer:", completion.choices[0].message.content);
console.log("served by:", response.headers.get("x-clod-deployment"), "at", response.headers.get("x-clod-site"));
console.log("cost (USD):", response.headers.get("x-clod-cost-usd"));

// The same strategy as a header, for tools that pass the model name through untouched.
const quick = await client.chat.completions
  .create(
    { model: "llama-3.1-8b", messages: [{ role: "user", content: "Say hello quickly." }] },
    { headers: { "x-clod-strategy": "latency" } },
  )
  .withResponse();

console.log("strategy applied:", quick.response.headers.get("x-clod-strategy"), "by", quick.response.headers.get("x-clod-deployment"));
