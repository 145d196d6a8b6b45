// The built CLI for tests, shared by every test that runs it as a user would: dist/cli.js when it is
// newer than every source file (CI builds before testing: no second build), otherwise one quick
// esbuild bundle of the CLI and its worker into a cache folder, made once while no source is newer.
// Several test files (and vitest workers) may ask at once: a lock folder makes them wait for one build.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { newestMtime as newest } from "../../scripts/lib/built.js";
import { onTestFinished } from "vitest";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const OUT = join(ROOT, "node_modules", ".cache", "upr-matrix-cli-test");
const LOCK = `${OUT}.lock`;
const STAMP = join(OUT, ".built");
const DIST = join(ROOT, "dist");
/** The CLI the helpers run; set by ensureBuilt(). */
export let CLI = join(OUT, "cli.js");

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sources = () => Math.max(newest(join(ROOT, "src")), statSync(join(ROOT, "tsup.config.ts")).mtimeMs);
const built = (cli: string, worker: string, stamp = cli) => existsSync(cli) && existsSync(worker) && existsSync(join(dirname(worker), "pdf-worker.js")) && statSync(stamp).mtimeMs >= sources();

/** The path of a CLI built from the current sources (dist/ when fresh, else a cached bundle). */
export async function ensureBuilt(): Promise<string> {
  if (built(join(DIST, "cli.js"), join(DIST, "worker.js"))) return (CLI = join(DIST, "cli.js"));
  CLI = join(OUT, "cli.js");
  const fresh = () => existsSync(STAMP) && built(CLI, join(OUT, "worker.js"), STAMP);
  for (let waited = 0; !fresh(); waited += 200) {
    try {
      mkdirSync(dirname(LOCK), { recursive: true }); // on a fresh clone, node_modules/.cache does not exist yet
      mkdirSync(LOCK, { recursive: false });
    } catch {
      if (waited > 120_000) throw new Error(`waited 2 minutes for another build (remove ${LOCK} if none is running)`);
      await sleep(200);
      continue;
    }
    try {
      if (fresh()) break;
      const { build } = await import("esbuild");
      // The CLI starts worker threads from worker.js and pdf-worker.js beside it, as tsup builds them (see tsup.config.ts).
      await build({
        entryPoints: { cli: join(ROOT, "src", "cli", "main.ts"), worker: join(ROOT, "src", "node", "worker.ts"), "pdf-worker": join(ROOT, "src", "node", "pdf-worker.ts") },
        bundle: true, platform: "node", format: "esm", packages: "external", splitting: true, outdir: OUT, logLevel: "silent",
      });
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
 * Run a command without blocking the test worker (tests run side by side), its output collected.
 * @example
 * const { code, stdout } = await runProcess("bash", ["-c", "echo hi"], { cwd: ROOT });
 */
export function runProcess(command: string, args: readonly string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env ?? process.env, ...(opts.timeout ? { timeout: opts.timeout } : {}) });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Run the built CLI with arguments, as a user would (no TTY: no colours, no progress bar).
 * @example
 * const { code, stdout } = await cli(["parse", "fixtures/upr-info.csv"]);
 */
export function cli(args: readonly string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return runProcess(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, env: { ...process.env, NO_COLOR: "", FORCE_COLOR: "", ...opts.env } });
}

/** A fresh temporary folder under node_modules/.cache (ignored by git), removed when the test that asked for it ends (call it inside a test). */
export function tempDir(name: string): string {
  const dir = join(ROOT, "node_modules", ".cache", "upr-matrix-test-tmp", `${name}-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
