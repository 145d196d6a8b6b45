// Text from files on the terminal (D15): file names, cells and ledger entries cannot break the one line
// per problem, nor send control sequences (clear the screen, set the title, OSC 52 to the clipboard).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { displayName, escapeControls, jsonLine } from "../../src/cli/safe-text.js";
import { ROOT, tempDir } from "./built.js";
import { runCli } from "./run-cli.js";

const DOCX = join(ROOT, "fixtures", "sample", "ohchr-matrix-en.docx");
// Any C0 control but tab and the line feeds that end lines, DEL, a C1 control, or a Unicode line break.
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
const HOSTILE = "Bill tabled\r\nin parliament \u0001 \u001b[2J\u001b]0;PWNED\u0007 \u009b31m\u2028end";

describe("safe text", () => {
  test("escapeControls shows every control character as an escape, and leaves other text alone", () => {
    expect(escapeControls(HOSTILE)).toBe("Bill tabled\\r\\nin parliament \\u0001 \\u001b[2J\\u001b]0;PWNED\\u0007 \\u009b31m\\u2028end");
    expect(escapeControls("Côte d'Ivoire\t117.1 — «ok»")).toBe("Côte d'Ivoire\t117.1 — «ok»");
  });

  test("displayName quotes a name only when it holds control characters; jsonLine escapes C1 too", () => {
    expect(displayName("exports/kenya 2019.xlsx")).toBe("exports/kenya 2019.xlsx");
    expect(displayName("bad\nname-\u001b[31mRED.csv")).toBe('"bad\\nname-\\u001b[31mRED.csv"');
    const line = jsonLine({ message: HOSTILE });
    expect(line).not.toMatch(RAW);
    expect(JSON.parse(line)).toEqual({ message: HOSTILE });
  });
});

describe("on stderr and stdout", () => {
  test("a file name with a line break and escape sequences: one line per diagnostic, the name quoted", async () => {
    const dir = tempDir("hostile-name");
    const name = "bad\nname-\u001b[31mRED.csv";
    writeFileSync(join(dir, name), 'Recommendation,Position\n"117.1 Ratify OP-CAT (France);",Maybe later\n');
    for (const extra of [[], ["--verbose"], ["--json", "--verbose"]]) {
      const r = await runCli([...extra, "parse", dir, "--format", "summary", "--out", join(tempDir("hostile-out"), "summary.txt")]);
      expect(r.code).toBe(0);
      expect(r.stderr, extra.join(" ")).not.toMatch(RAW);
      if (!extra.includes("--json")) expect(r.stderr).toContain(`"${dir}/bad\\nname-\\u001b[31mRED.csv", row 2, line 2, cell B2: warning unknown-position`);
    }
  });

  test("track history and status: texts from people and workbooks escaped, one line per event", async () => {
    const dir = join(tempDir("hostile-ledger"), "tracking");
    const env = { UPR_MATRIX_NOW: "2025-05-01T08:00:00Z" };
    expect((await runCli(["track", "init", DOCX, "--dir", dir], { env })).code).toBe(0);
    const lead = "Ministry\u001b[31m of Justice\u009b";
    const update = await runCli(["track", "update", "142.28", "--status", "in progress", "--action", HOSTILE, "--lead", lead, "--by", "NMRF\u0007", "--dir", dir], { env });
    expect(update.code).toBe(0);
    const history = await runCli(["track", "history", "142.28", "--dir", dir]);
    expect(history.stdout).not.toMatch(RAW);
    expect(history.stdout.split("\n")).toContain(`  2025-05-01  In progress ("in progress") | lead: Ministry\\u001b[31m of Justice\\u009b | action: ${escapeControls(HOSTILE)}  [NMRF\\u0007]`);
    for (const args of [["--by", "institution"], ["--stale-since", "2026-01-01"]]) {
      const status = await runCli(["track", "status", "--dir", dir, ...args]);
      expect(status.stdout, args.join(" ")).not.toMatch(RAW);
      expect(status.stdout).toContain("Ministry\\u001b[31m of Justice\\u009b");
    }
    // JSON keeps the text as it is (escaped by JSON itself).
    const json = await runCli(["track", "history", "142.28", "--dir", dir, "--format", "json"]);
    expect(JSON.parse(json.stdout).events.at(-1).action).toBe(HOSTILE);
  });
});
