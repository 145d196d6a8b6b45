import { readFileSync, readdirSync, statSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** One entry of fixtures/bad/manifest.json (written by scripts/make-bad-fixtures.ts). */
export interface BadFixture {
  file: string;
  what: string;
  codes: string[];
  exit: 0 | 1 | 2;
  strictExit?: 1;
  minRecommendations?: number;
  pendingFix?: { where: "library" | "cli"; fix: string; cliOk?: true };
  bytes: number;
}

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const badDir = join(root, "fixtures", "bad");

/** The bad fixtures, in manifest order. */
export function badFixtures(): BadFixture[] {
  return (JSON.parse(readFileSync(join(badDir, "manifest.json"), "utf8")) as { fixtures: BadFixture[] }).fixtures;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * The built CLI: dist/cli.js when it is newer than every file in src/ (CI builds before testing),
 * otherwise a quick esbuild bundle of src/cli/main.ts in .tmp/ (no type declarations, a second or so),
 * so that a stale dist/ never hides a change and a concurrent `npm run build` is never disturbed.
 */
export async function builtCli(): Promise<string> {
  const dist = join(root, "dist", "cli.js");
  if (existsSync(dist) && statSync(dist).mtimeMs > newestSource(join(root, "src"))) return dist;
  const { build } = await import("esbuild");
  const outdir = join(root, ".tmp", "hostile-cli", String(process.pid));
  mkdirSync(outdir, { recursive: true });
  // The CLI starts worker threads from worker.js beside it, as tsup builds them (see tsup.config.ts).
  const entryPoints: Record<string, string> = { cli: join(root, "src", "cli", "main.ts") };
  if (existsSync(join(root, "src", "node", "worker.ts"))) entryPoints["worker"] = join(root, "src", "node", "worker.ts");
  await build({ entryPoints, bundle: true, platform: "node", format: "esm", packages: "external", outdir, logLevel: "silent" });
  return join(outdir, "cli.js");
}
