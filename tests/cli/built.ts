// The built CLI for tests: the project's tsup build (JavaScript only, declarations skipped) into a
// cache folder, made once and reused while no file under src/ is newer. Several test files (and
// vitest workers) may ask at once: a lock folder makes them wait for one build.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const OUT = join(ROOT, "node_modules", ".cache", "upr-matrix-cli-test");
const LOCK = `${OUT}.lock`;
const STAMP = join(OUT, ".built");
export const CLI = join(OUT, "cli.js");

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Build the CLI unless a build newer than every source file is there. */
export async function ensureBuilt(): Promise<string> {
  const fresh = () => existsSync(STAMP) && statSync(STAMP).mtimeMs >= Math.max(newest(join(ROOT, "src")), statSync(join(ROOT, "tsup.config.ts")).mtimeMs);
  for (let waited = 0; !fresh(); waited += 200) {
    try {
      mkdirSync(LOCK, { recursive: false });
    } catch {
      if (waited > 120_000) throw new Error(`waited 2 minutes for another build (remove ${LOCK} if none is running)`);
      await sleep(200);
      continue;
    }
    try {
      if (fresh()) break;
      const r = spawnSync(process.execPath, [join(ROOT, "node_modules", "tsup", "dist", "cli-default.js"), "--no-dts", "--silent", "--out-dir", OUT], { cwd: ROOT, encoding: "utf8" });
      if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
      writeFileSync(STAMP, new Date().toISOString());
    } finally {
      rmdirSync(LOCK);
    }
  }
  return CLI;
}

/** What a run of the CLI gave. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run the built CLI with arguments, as a user would (no TTY: no colours, no progress bar).
 * @example
 * const { code, stdout } = await cli(["parse", "fixtures/upr-info.csv"]);
 */
export function cli(args: readonly string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, env: { ...process.env, NO_COLOR: "", FORCE_COLOR: "", ...opts.env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A fresh temporary folder under node_modules/.cache (ignored by git). */
export function tempDir(name: string): string {
  const dir = join(ROOT, "node_modules", ".cache", "upr-matrix-test-tmp", `${name}-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}
