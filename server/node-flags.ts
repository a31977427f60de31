// The V8 flags every server process starts with (see node-flags.json for why). scripts/start.mjs
// reads the same file, so `npm start`, the load test and the chaos runs start the server alike.
import { readFileSync } from "node:fs";

export function serverNodeFlags(): string[] {
  const file = new URL("./node-flags.json", import.meta.url);
  return (JSON.parse(readFileSync(file, "utf8")) as { flags: string[] }).flags;
}
