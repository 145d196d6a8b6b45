// A ledger that cannot be read stops every command that uses it (D18): no workbook goes out to
// ministries with an empty history, no import or update is planned against nothing, no status or
// report shows "no status" for recommendations that have one.
import { existsSync, mkdirSync, readdirSync, renameSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT, tempDir } from "./built.js";
import { runCli } from "./run-cli.js";

const DOCX = join(ROOT, "fixtures", "sample", "ohchr-matrix-en.docx");
const env = { UPR_MATRIX_NOW: "2025-05-01T08:00:00Z" };

describe("an unreadable ledger", () => {
  test("track export, import, status, history, update and report --ledger: one line, an error exit code, nothing written", async () => {
    const top = tempDir("ledger-unreadable");
    const dir = join(top, "tracking");
    expect((await runCli(["track", "init", DOCX, "--dir", dir], { env })).code).toBe(0);
    expect((await runCli(["track", "update", "142.28", "--lead", "Ministry of Justice", "--dir", dir], { env })).code).toBe(0);
    const sent = join(top, "sent");
    expect((await runCli(["track", "export", "--dir", dir, "--out", sent], { env })).code).toBe(0);
    // A folder where the ledger should be: it cannot be read (as a file without read permission).
    const ledger = join(dir, "ledger.jsonl");
    renameSync(ledger, join(top, "ledger.saved"));
    mkdirSync(ledger);
    const runs = [
      ["track", "export", "--dir", dir, "--out", join(top, "again")],
      ["track", "import", sent, "--dir", dir],
      ["track", "status", "--dir", dir],
      ["track", "history", "142.28", "--dir", dir],
      ["track", "update", "142.28", "--status", "in progress", "--dir", dir],
      ["report", DOCX, "--ledger", ledger],
    ];
    for (const args of runs) {
      const r = await runCli(args, { env });
      const name = args.slice(0, 2).join(" ");
      // 2 when it cannot be read, 1 when the ledger core says it is not a ledger (MatrixError "not-a-ledger").
      expect([name, r.code === 1 || r.code === 2]).toEqual([name, true]);
      expect(r.stderr.split("\n").filter((l) => l.startsWith("upr-matrix: "))).toEqual([expect.stringContaining(ledger)]);
      expect(r.stdout).toBe("");
    }
    expect(existsSync(join(top, "again"))).toBe(false);
    expect(readdirSync(ledger)).toEqual([]);
  });
});
