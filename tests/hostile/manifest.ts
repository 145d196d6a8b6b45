import { readFileSync } from "node:fs";
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


/**
 * The built CLI: dist/cli.js when it is newer than every file in src/ (CI builds before testing),
 * otherwise a quick esbuild bundle of src/cli/main.ts in .tmp/ (no type declarations, a second or so),
 * so that a stale dist/ never hides a change and a concurrent `npm run build` is never disturbed.
 */
export async function builtCli(): Promise<string> {
  const { ensureBuilt } = await import("../cli/built.js");
  return ensureBuilt();
}
