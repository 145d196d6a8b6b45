// The damaged and hostile inputs of fixtures/bad (scripts/make-bad-fixtures.ts), read by the built CLI
// in one batch: the batch goes through all of them, and each file gives the diagnostic codes and the
// exit code its manifest promises for `upr-matrix parse <file>`.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { cli, ensureBuilt, ROOT } from "./built.js";

const BAD = join(ROOT, "fixtures", "bad");
const MANIFEST = join(BAD, "manifest.json");

interface Entry {
  file: string;
  codes: string[];
  exit: number;
  /** A fix still to be made elsewhere; tests/hostile tracks those (as expected failures). */
  pendingFix?: unknown;
}

const manifest = existsSync(MANIFEST) ? (JSON.parse(readFileSync(MANIFEST, "utf8")) as { fixtures: Entry[] }).fixtures.filter((e) => !e.pendingFix) : [];

beforeAll(async () => {
  await ensureBuilt();
}, 120_000);

describe.skipIf(manifest.length === 0)("fixtures/bad through the CLI", () => {
  test("one batch over every damaged file: it finishes, and each file gets its codes and exit code", async () => {
    const r = await cli(["--json", "--verbose", "parse", "fixtures/bad", "--format", "jsonl"]);
    expect(r.stderr).not.toMatch(/^\s+at /m); // never a stack trace
    const lines = r.stderr
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { code?: string; place?: { file?: string }; file?: { path: string; errors: number; unreadable: boolean }; summary?: { files: number } });
    const files = new Map(lines.filter((l) => l.file).map((l) => [l.file!.path.replace(/^fixtures\/bad\//, ""), l.file!]));
    const codes = new Map<string, Set<string>>();
    for (const l of lines) {
      if (!l.code || !l.place?.file) continue;
      const f = l.place.file.replace(/^fixtures\/bad\//, "");
      if (!codes.has(f)) codes.set(f, new Set());
      codes.get(f)!.add(l.code);
    }
    const wrong: string[] = [];
    for (const e of manifest) {
      const f = files.get(e.file);
      if (!f) {
        wrong.push(`${e.file}: not read`);
        continue;
      }
      // The exit code `parse <file>` gives: 2 unreadable, 1 read with errors, 0 otherwise.
      const exit = f.unreadable ? 2 : f.errors > 0 ? 1 : 0;
      if (exit !== e.exit) wrong.push(`${e.file}: exit ${exit}, manifest says ${e.exit}`);
      const got = codes.get(e.file) ?? new Set<string>();
      const missing = e.codes.filter((c) => !got.has(c));
      if (missing.length) wrong.push(`${e.file}: no ${missing.join(", ")} (got ${[...got].join(", ") || "none"})`);
    }
    expect(wrong).toEqual([]);
    const summary = lines.at(-1)?.summary;
    expect(summary?.files).toBe(files.size);
    expect(r.code).toBe(2); // the folder holds unreadable files
  });

  test("alone, a file exits with the manifest's code", async () => {
    // One of each exit code, run as their own command.
    const picks = [0, 1, 2].map((code) => manifest.find((e) => e.exit === code)).filter((e): e is Entry => e !== undefined);
    for (const e of picks) {
      const r = await cli(["parse", join("fixtures", "bad", e.file), "--format", "jsonl"]);
      expect(r.code, e.file).toBe(e.exit);
    }
  });
});
