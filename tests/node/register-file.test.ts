import { fileURLToPath } from "node:url";
// The register of a tracking folder, written and read a line at a time (D21: `track init` of 800,000
// recommendations failed with "Invalid string length" when it was one JSON.stringify).
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readMatrixFile, readRegisterFile, writeRegisterFile } from "../../src/node/index.js";
import { registerLines } from "../../src/node/register-file.js";
import type { ParseResult } from "../../src/schema/result.js";

let dir: string;
let result: ParseResult;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "upr-register-"));
  result = await readMatrixFile(fileURLToPath(new URL("../../fixtures/sample/ohchr-matrix-en.docx", import.meta.url)));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the register", () => {
  test("one JSON document, one item per line: no piece is longer than one recommendation", async () => {
    const lines = [...registerLines(result)];
    expect(JSON.parse(lines.join(""))).toEqual(result);
    const longest = Math.max(...result.recommendations.map((r) => JSON.stringify(r).length));
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(longest + 2);
    expect(lines).toHaveLength(result.recommendations.length + result.diagnostics.length + result.sources.length + 4);
  });

  test("written through a temporary file and read back a line at a time", async () => {
    const path = join(dir, "recommendations.json");
    await writeRegisterFile(path, result);
    expect(await readRegisterFile(path)).toEqual(result);
    expect(await readdir(dir)).toEqual(["recommendations.json"]); // no temporary file left
  });

  test("an indented register of an earlier version is still read", async () => {
    const path = join(dir, "old.json");
    await writeFile(path, JSON.stringify(result, null, 2));
    expect(await readRegisterFile(path)).toEqual(result);
  });

  test("a damaged or cut register is one clear error naming the line", async () => {
    const path = join(dir, "cut.json");
    const text = [...registerLines(result)].join("");
    await writeFile(path, text.slice(0, Math.floor(text.length / 2)));
    await expect(readRegisterFile(path)).rejects.toMatchObject({ code: "unreadable-input", message: expect.stringMatching(/^.*cut\.json is not a valid recommendation list \((line \d+ is not complete JSON|it ends early)\)\.$/) });
    const lines = text.split("\n");
    lines[3] = JSON.stringify({ ...result.recommendations[2], position: "maybe" }) + ",";
    await writeFile(path, lines.join("\n"));
    await expect(readRegisterFile(path)).rejects.toMatchObject({ message: expect.stringMatching(/line 4: position: /) });
    await expect(readRegisterFile(join(dir, "none.json"))).rejects.toMatchObject({ code: "unreadable-input", message: expect.stringMatching(/none\.json is missing\.$/) });
    expect((await readFile(path, "utf8")).length).toBeGreaterThan(0);
  });
});
