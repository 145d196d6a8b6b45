// `npm run bench`: speed figures, printed, not asserted. Each stage adds a module in scripts/bench/
// exporting `run(): Promise<void>`; pass names to run only some: `npm run bench -- ingest classify`.
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";

const dir = fileURLToPath(new URL("./bench/", import.meta.url));
const only = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const modules = readdirSync(dir).filter((f) => f.endsWith(".ts")).sort();
console.log(`upr-matrix bench on Node ${process.version}, ${new Date().toISOString()}`);
for (const f of modules) {
  const name = f.replace(/\.ts$/, "");
  if (only.length && !only.includes(name)) continue;
  console.log(`\n== ${name}`);
  const mod = (await import(pathToFileURL(join(dir, f)).href)) as { run: () => Promise<void> };
  await mod.run();
}
