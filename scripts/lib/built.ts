// The built CLI for scripts that run it as a user would (demo, batch benchmark).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The latest modification time (ms) of any file under a folder.
 * @example
 * newestMtime("src") > statSync("dist/cli.js").mtimeMs; // sources changed since the build
 */
export function newestMtime(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Build dist/ (npm run build) when dist/cli.js or dist/worker.js is missing or older than src/.
 * Returns false when the build failed (its messages went to stderr).
 * @example
 * if (!ensureDistBuilt("Building the CLI...")) process.exit(1);
 */
export function ensureDistBuilt(say: string): boolean {
  const cli = join(ROOT, "dist", "cli.js");
  if (existsSync(cli) && existsSync(join(ROOT, "dist", "worker.js")) && statSync(cli).mtimeMs >= newestMtime(join(ROOT, "src"))) return true;
  console.log(say);
  const r = spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  return r.status === 0;
}
