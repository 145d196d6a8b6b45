// `upr-matrix track ...` run in-process through run(argv, io): init → export → edit → import →
// status → history, and the usage errors.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCli } from "../cli/run-cli.js";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, test } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "upr-track-cli-"));
const dir = join(tmp, "tracking");
const matrix = join(root, "fixtures/sample/ohchr-matrix-en.docx");
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cli = (now: string, ...args: string[]) => runCli(args, { env: { UPR_MATRIX_NOW: now } });

describe("upr-matrix track", () => {
  test("a full round: init, export in Spanish, import a returned workbook, status, history", async () => {
    writeFileSync(join(tmp, "assign.csv"), "match,lead,supporting\nD,Ministry of Justice,National Police Service\n*,Ministry of Foreign Affairs,\n");
    const init = await cli("2025-05-01T08:00:00Z", "track", "init", matrix, "--dir", dir, "--assign", join(tmp, "assign.csv"));
    expect(init.stderr).toContain("Tracking 179 recommendations in");
    expect(init.code).toBe(0);
    const again = await cli("2025-05-01T08:00:00Z", "track", "init", matrix, "--dir", dir);
    expect([again.code, again.stderr.trim().split("\n")]).toEqual([2, [expect.stringMatching(/^upr-matrix: ".*" already tracks recommendations/)]]);

    const exp = await cli("2025-06-01T09:00:00Z", "track", "export", "--dir", dir, "--lang", "es");
    expect(exp.code).toBe(0);
    const out = join(dir, "exports", "20250601T090000Z");
    expect(readdirSync(out).sort()).toEqual(["ministry-of-foreign-affairs.xlsx", "ministry-of-justice.xlsx", "national-police-service.xlsx"]);

    // The Police answers in Spanish on the Spanish workbook; the Justice ministry disagrees on one.
    const edit = async (file: string, answers: [string, string][]) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(join(out, file)) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet("Recomendaciones")!;
      expect(ws.getRow(1).getCell(10).value).toBe("Estado");
      for (let r = 2; r <= ws.rowCount; r++) {
        const hit = answers.find(([id]) => ws.getRow(r).getCell(2).value === id);
        if (hit) ws.getRow(r).getCell(10).value = hit[1];
      }
      writeFileSync(join(tmp, file), new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    };
    await edit("national-police-service.xlsx", [["142.73", "En curso"], ["142.70", "Plenamente implementada"], ["142.77", "quizás"]]);
    await edit("ministry-of-justice.xlsx", [["142.73", "Cumplida"]]);
    const imp = await cli("2025-06-30T12:00:00Z", "track", "import", join(tmp, "national-police-service.xlsx"), join(tmp, "ministry-of-justice.xlsx"), "--dir", dir);
    expect(imp.code).toBe(0); // warnings only
    expect(imp.stderr).toMatch(/national-police-service\.xlsx, sheet "Recomendaciones", row \d+, cell J\d+: warning unknown-status: Status "quizás" for 142\.77/);
    expect(imp.stderr).toMatch(/warning status-conflict: 142\.73: institutions disagree/);
    expect(imp.stderr).toContain("Recorded 4 event(s) from 2 workbook(s); 1 conflict(s) to settle");

    const status = await cli("2025-07-01T00:00:00Z", "track", "status", "--dir", dir, "--by", "institution", "--format", "json", "--stale-since", "2025-06-01");
    expect(status.code).toBe(0);
    const json = JSON.parse(status.stdout);
    expect(json.groups.at(-1)).toMatchObject({ group: "total", total: 179, conflicts: 1 });
    expect(json.conflicts).toHaveLength(1);
    expect(json.stale).toHaveLength(176);
    const text = await cli("2025-07-01T00:00:00Z", "track", "status", "--dir", dir);
    expect(text.stdout).toMatch(/^Open conflicts \(1\)/m);

    const upd = await cli("2025-07-02T00:00:00Z", "track", "update", "142.73", "--status", "fully implemented", "--action", "Act No. 12 of 2025", "--by", "NMRF", "--dir", dir);
    expect([upd.code, upd.stderr]).toEqual([0, "Recorded 142.73 → Fully implemented (2025-07-02). The open conflict is settled.\n"]);
    const hist = await cli("2025-07-02T00:00:00Z", "track", "history", "142.73", "--dir", dir, "--format", "json");
    const h = JSON.parse(hist.stdout);
    const statuses = h.events.map((e: { status: string | null }) => e.status);
    // The assignment, the two answers of one import (same day: ordered by event id), the settlement.
    expect([statuses[0], [statuses[1], statuses[2]].sort(), statuses[3]]).toEqual([null, ["fully-implemented", "in-progress"], "fully-implemented"]);
    expect(h.state).toMatchObject({ status: "fully-implemented", conflicts: [], lead: "Ministry of Justice" });
  });

  test("usage errors are one line with exit code 2", async () => {
    const missing = await cli("2025-07-01T00:00:00Z", "track", "status", "--dir", join(tmp, "nowhere"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^upr-matrix: No tracking data in ".*nowhere" \(recommendations\.json is missing\)\. Start with: upr-matrix track init MATRIX --dir .*\n$/);
    const badStatus = await cli("2025-07-01T00:00:00Z", "track", "update", "142.73", "--status", "sort of", "--dir", dir);
    expect([badStatus.code, badStatus.stderr.split("\n").length]).toEqual([2, 2]);
    expect(badStatus.stderr).toContain('Unknown status "sort of"');
    const badRef = await cli("2025-07-01T00:00:00Z", "track", "history", "999.9", "--dir", dir);
    expect([badRef.code, badRef.stderr]).toEqual([2, 'upr-matrix: No tracked recommendation "999.9". Give a paragraph number (e.g. 142.28) or a key (State|cycle|number).\n']);
  });
});
