// The built `upr-matrix` binary as a process, for what only a process shows: its exit codes, a reader
// that closes the pipe early (EPIPE), the worker threads of the built bundle, and a real terminal.
// Everything else about the commands is tested in-process (cli.test.ts and the tests of each topic).
import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { CLI, cli, ensureBuilt, ROOT, tempDir } from "./built.js";

beforeAll(async () => {
  await ensureBuilt();
}, 120_000);

const STACK = /^\s+at |node:internal/m;

describe("upr-matrix as a process", () => {
  test("exit codes: 0 clean (--version too), 1 errors in the input, 2 usage error; one line, no stack trace", async () => {
    const dir = tempDir("process-exit");
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, 'Recommendation,Position\nRatify the Convention,Supported\n"Unclosed quote,Noted\n');
    const [version, withError, usage] = await Promise.all([
      cli(["--version"]),
      cli(["parse", bad]),
      cli(["parse", "fixtures/upr-info.csv", "--format", "xml"]),
    ]);
    expect([version.code, version.stdout.trim()]).toEqual([0, expect.stringMatching(/^\d+\.\d+\.\d+/)]);
    expect(withError.code).toBe(1);
    expect([usage.code, usage.stdout, usage.stderr]).toEqual([2, "", 'upr-matrix: --format must be json, jsonl or summary, not "xml".\n']);
    for (const r of [version, withError, usage]) expect(r.stderr).not.toMatch(STACK);
  });

  test("a reader that stops early (| head): the CLI ends quietly", async () => {
    const child = spawn(process.execPath, [CLI, "parse", "fixtures/*.docx", "--format", "jsonl"], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    // Read the first line, then close the pipe as `head -1` does.
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(STACK);
    expect(stderr).not.toContain("EPIPE");
    expect(code).toBe(0);
  });

  test("worker threads (the built worker.js) give the same bytes as one thread", async () => {
    const args = ["parse", "fixtures/*.docx", "fixtures/sample", "--format", "jsonl"];
    const [two, one] = await Promise.all([cli(["--jobs", "2", ...args]), cli(["--jobs", "1", ...args])]);
    expect(two.code).toBe(one.code);
    expect(two.stdout.length).toBeGreaterThan(100_000);
    expect(two.stdout).toBe(one.stdout);
  });

  // util-linux `script` gives the child a pseudo-terminal; skipped where it is missing.
  const hasScript = spawnSync("script", ["--version"]).status === 0;
  test.skipIf(!hasScript)("on a real terminal: the progress bar and colours", async () => {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} parse fixtures/sample --format summary --out /dev/null`;
    const r = spawnSync("script", ["-qec", command, "/dev/null"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "", CI: "", COLUMNS: "80" } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("\r\u001b[2K");
    expect(r.stdout).toMatch(/\u001b\[3[123]mparse: 1 file, 179 recommendations/);
  });
});
