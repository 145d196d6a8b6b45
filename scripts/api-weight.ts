/**
 * What each entry point of the built package costs an app, and the limits CI holds it to.
 *
 * For every entry in package.json "exports": the names it exports (values and types), the heap after
 * `import` in Node (after gc), and the size of a minified browser bundle (esbuild) of an app importing all
 * of it. Then two small apps, one that only reads CSV and one that only reads XLSX. Exits 1 when the core
 * holds model weights, exceljs or a Node built-in, or when the CSV app is over 400 KiB.
 *
 * Run after `npm run build`: `npm run weight` (`tsx scripts/api-weight.ts`). The apps import "upr-matrix"
 * by name (the package's self-reference), so what is measured is what a user's bundler gets from dist/.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import ts from "typescript";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const KIB = 1024;
const CSV_APP_LIMIT = 400 * KIB;

// A model's weights are data objects `{ format: "upr-matrix-linear/1", task: ... }` (src/classify/models/);
// the loader's own check of the format string is not followed by `task`.
const WEIGHTS = /upr-matrix-linear\/1"\s*,\s*task\s*:/;
const EXCELJS = /node_modules\/exceljs\//;

interface Bundle {
  bytes: number;
  weights: boolean;
  exceljs: boolean;
  /** Inputs by package (or dist/ for the library's own files), largest first. */
  top: [string, number][];
}

async function bundle(source: string): Promise<Bundle> {
  const out = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: "js" },
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const text = out.outputFiles[0]?.text ?? "";
  const inputs = Object.values(out.metafile.outputs)[0]?.inputs ?? ({} as Metafile["outputs"][string]["inputs"]);
  const by = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const key = path.startsWith("dist/") ? "upr-matrix (dist)" : (/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? path);
    by.set(key, (by.get(key) ?? 0) + bytesInOutput);
  }
  return {
    bytes: Buffer.byteLength(text),
    weights: WEIGHTS.test(text),
    exceljs: Object.keys(inputs).some((p) => EXCELJS.test(p)),
    top: [...by].sort((a, b) => b[1] - a[1]).slice(0, 4),
  };
}

/** Names a declaration file exports: all, and those that are values at run time. */
function exportedNames(dts: string): { all: number; values: number } {
  const program = ts.createProgram([dts], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(dts);
  const module = file && checker.getSymbolAtLocation(file);
  if (!module) throw new Error(`${dts}: no module`);
  const names = checker.getExportsOfModule(module);
  const isValue = (s: ts.Symbol) => ((s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s).flags & ts.SymbolFlags.Value) !== 0;
  return { all: names.length, values: names.filter(isValue).length };
}

/** Heap used (MB) after importing a specifier in a fresh Node process, after gc. */
function heapAfterImport(specifier: string): number {
  const code = `await import(${JSON.stringify(specifier)}); gc(); gc(); console.log(process.memoryUsage().heapUsed);`;
  const out = execFileSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", code], { cwd: ROOT, encoding: "utf8" });
  return Number(out.trim()) / (1024 * 1024);
}

const kib = (n: number) => `${(n / KIB).toFixed(0)} KiB`;

async function main(): Promise<void> {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { exports: Record<string, { types: string; default: string }> };
  if (!existsSync(join(ROOT, "dist", "index.js"))) throw new Error("dist/ is missing: run npm run build first");
  const problems: string[] = [];

  console.log(`${"entry".padEnd(22)} ${"names".padStart(5)} ${"values".padStart(6)} ${"heap".padStart(8)} ${"bundle".padStart(9)}  largest parts`);
  console.log(`${"(node, nothing)".padEnd(22)} ${"".padStart(5)} ${"".padStart(6)} ${`${heapAfterImport("node:path").toFixed(1)} MB`.padStart(8)}`);
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const specifier = subpath === "." ? "upr-matrix" : `upr-matrix/${subpath.slice(2)}`;
    const names = exportedNames(join(ROOT, target.types));
    const heap = heapAfterImport(specifier);
    // upr-matrix/node is for Node only: no browser bundle.
    const b = subpath === "./node" ? null : await bundle(`import * as m from ${JSON.stringify(specifier)}; console.log(m);`);
    const parts = b ? b.top.map(([k, v]) => `${k} ${kib(v)}`).join(", ") : "(Node only)";
    console.log(`${specifier.padEnd(22)} ${String(names.all).padStart(5)} ${String(names.values).padStart(6)} ${`${heap.toFixed(1)} MB`.padStart(8)} ${(b ? kib(b.bytes) : "-").padStart(9)}  ${parts}`);
    if (subpath === ".") {
      if (b?.weights) problems.push("the core bundle holds model weights (they belong to upr-matrix/classify)");
      if (b?.exceljs) problems.push("the core bundle holds exceljs (it belongs to upr-matrix/xlsx)");
    }
  }

  const apps = {
    "reads CSV only": `import { parseCsv } from "upr-matrix"; export const read = (text) => parseCsv(text, { file: "upload.csv" });`,
    "reads XLSX only": `import { parseXlsx } from "upr-matrix"; export const read = (bytes) => parseXlsx(bytes, { file: "upload.xlsx" });`,
  };
  console.log("\napp (browser, minified)  bundle  largest parts");
  for (const [name, source] of Object.entries(apps)) {
    const b = await bundle(source);
    console.log(`${name.padEnd(24)} ${kib(b.bytes).padStart(7)}  ${b.top.map(([k, v]) => `${k} ${kib(v)}`).join(", ")}`);
    if (b.weights || b.exceljs) problems.push(`the app that ${name} bundles ${b.weights ? "model weights" : "exceljs"}`);
    if (name === "reads CSV only" && b.bytes > CSV_APP_LIMIT) problems.push(`the app that reads CSV only is ${kib(b.bytes)}, over ${kib(CSV_APP_LIMIT)}`);
  }

  for (const p of problems) console.error(`weight: ${p}`);
  if (problems.length > 0) process.exitCode = 1;
}

await main();
