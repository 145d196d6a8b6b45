import { build } from "esbuild";
import { expect, test } from "vitest";

// The core entry must bundle for a browser: no Node built-ins, no exceljs.
test("the core entry bundles for the browser", async () => {
  const result = await build({
    entryPoints: ["src/index.ts"],
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.some((i) => i.includes("node_modules/exceljs"))).toBe(false);
  expect(inputs.some((i) => i.startsWith("node:") || /node_modules\/(fs|path)\//.test(i))).toBe(false);
  expect(result.outputFiles[0]!.text.length).toBeGreaterThan(1000);
});

test("the docx entry bundles for the browser too", async () => {
  const result = await build({ entryPoints: ["src/docx.ts"], bundle: true, platform: "browser", format: "esm", write: false, logLevel: "silent" });
  expect(result.errors).toEqual([]);
});
