import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { Code } from "../src/schema/diagnostic.js";

test("every diagnostic code is documented in docs/diagnostics.md", () => {
  const doc = readFileSync(new URL("../docs/diagnostics.md", import.meta.url), "utf8");
  const missing = Code.options.filter((c) => !doc.includes(`| \`${c}\` |`));
  expect(missing).toEqual([]);
});
