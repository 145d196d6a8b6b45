// Every ```ts and ```sh block of README.md and docs/*.md runs as written, in a folder that holds the files
// the docs name (matrix.docx is the bundled sample, exports/ a few fixtures...):
// - sh blocks run in bash with `upr-matrix` (and `npx upr-matrix`) being the CLI built from the sources;
//   a command may exit 1 (the input had errors) but not 2, and never prints a stack trace;
// - ts blocks are type-checked together (strict), then each runs with tsx, "upr-matrix" being src/.
// The blocks of one page run in order in one folder, so a page may build on what an earlier block wrote.
// A block preceded by `<!-- not-run: why -->` is skipped (development commands that CI runs itself).
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { Document, Packer, Paragraph } from "docx";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ensureBuilt, ROOT, runProcess } from "../cli/built.js";
import { parseMatrix } from "../../src/index.js";

interface Block {
  page: string;
  line: number;
  lang: "ts" | "sh";
  code: string;
}

const NOT_RUN = /^<!--\s*not-run\b/;

/** The ts and sh blocks of a Markdown page, but those marked not-run. */
function blocksOf(page: string): Block[] {
  const lines = readFileSync(join(ROOT, page), "utf8").split("\n");
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w+)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith("```"));
    const lang = open[1];
    const before = lines.slice(0, i).reverse().find((l) => l.trim() !== "") ?? "";
    if ((lang === "ts" || lang === "sh") && !NOT_RUN.test(before.trim())) {
      blocks.push({ page, line: i + 1, lang, code: lines.slice(i + 1, end).join("\n") });
    }
    i = end;
  }
  return blocks;
}

const PAGES = ["README.md", ...readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).sort().map((f) => `docs/${f}`)];
const BLOCKS = PAGES.flatMap(blocksOf);
const FIXTURES = join(ROOT, "fixtures");

let cli = "";
// Outside the project: tsx maps "upr-matrix" to src/ (tsconfig paths) only for files outside node_modules.
const work = tmpdir();
const inputs = mkdtempSync(join(work, "doc-inputs-")); // the files the docs name, copied into each page's folder
const folders = [inputs];
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

/** A workbook of the kind people keep: two title rows, headers on row 3, text in B, position in D. */
async function trackingSheet(): Promise<Uint8Array> {
  const { recommendations } = await parseMatrix(readFileSync(join(FIXTURES, "sample", "ohchr-matrix-en.docx")), { file: "matrix.docx" });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Suivi");
  ws.addRow(["Suivi des recommandations de l'EPU"]);
  ws.addRow([]);
  ws.addRow(["No.", "Recommendation", "Ministry", "Position"]);
  for (const r of recommendations.slice(0, 20)) ws.addRow([r.id, r.text, "Ministry of Justice", r.positionRaw]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** An addendum listing the sample's recommendations, as text and as a Word document. */
const ADDENDUM = [
  "The following recommendations enjoy the support of Kenya: 142.1-142.140",
  "The following recommendations did not enjoy the support of Kenya and are noted: 142.141-142.179",
];

beforeAll(async () => {
  cli = await ensureBuilt();
  const copy = (from: string, to: string) => cpSync(join(FIXTURES, from), join(inputs, to), { recursive: true });
  copy("sample/ohchr-matrix-en.docx", "matrix.docx");
  copy("upr-info.csv", "uprinfo.csv");
  copy("upr-info.csv", "uprinfo_export.csv");
  copy("upr-info.csv", "list.csv");
  for (const f of ["ohchr-g1-en.docx", "ohchr-es.xlsx", "uhri-export.csv", "user-sheet-fr.xlsx"]) {
    copy(f, `exports/${f}`);
    copy(f, `big-folder/${f}`);
  }
  copy("uhri-export.xlsx", "exports/2024/uhri-export.xlsx");
  copy("upr-info.csv", "more/upr-info.csv");
  copy("uhri-export.xlsx", "huge-export.xlsx");
  copy("ohchr-es.xlsx", "upload.xlsx");
  cpSync(join(ROOT, "docs", "examples", "ledger.jsonl"), join(inputs, "ledger.jsonl"));
  writeFileSync(join(inputs, "tracking.xlsx"), await trackingSheet());
  writeFileSync(join(inputs, "add1.txt"), `${ADDENDUM.join("\n")}\n`);
  const doc = new Document({ sections: [{ children: ADDENDUM.map((text) => new Paragraph({ text })) }] });
  writeFileSync(join(inputs, "add1.docx"), new Uint8Array(await Packer.toArrayBuffer(doc)));
  writeFileSync(join(inputs, "assignments.csv"), "match,lead,supporting\nD,Ministry of Justice,National Police Service\n*,Ministry of Foreign Affairs,\n");
  // returned/: the workbooks of a tracking round, as institutions send them back.
  const round = join(inputs, "round");
  mkdirSync(round);
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: round, encoding: "utf8" });
  run("track", "init", join(inputs, "matrix.docx"), "--assign", join(inputs, "assignments.csv"));
  run("track", "export");
  cpSync(join(round, "upr-tracking", "exports"), join(inputs, "returned"), { recursive: true });
  // `upr-matrix` and `npx upr-matrix` are the CLI built from the sources.
  const bin = join(inputs, ".bin");
  mkdirSync(bin);
  writeFileSync(join(bin, "upr-matrix"), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`);
  writeFileSync(join(bin, "npx"), `#!/bin/sh\n[ "$1" = upr-matrix ] || { echo "npx $1: not run by the docs test" >&2; exit 2; }\nshift\nexec upr-matrix "$@"\n`);
  chmodSync(join(bin, "upr-matrix"), 0o755);
  chmodSync(join(bin, "npx"), 0o755);
  // ts blocks import "upr-matrix" from the sources, as the package's exports map it.
  writeFileSync(join(inputs, "package.json"), JSON.stringify({ type: "module" }));
  const paths = {
    "upr-matrix": [join(ROOT, "src/index.ts")],
    "upr-matrix/taxonomy": [join(ROOT, "src/taxonomy.ts")],
    "upr-matrix/classify": [join(ROOT, "src/classify.ts")],
    "upr-matrix/xlsx": [join(ROOT, "src/xlsx.ts")],
    "upr-matrix/docx": [join(ROOT, "src/docx.ts")],
    "upr-matrix/node": [join(ROOT, "src/node/index.ts")],
  };
  const compilerOptions = {
    target: "ES2022", lib: ["ES2023", "DOM"], module: "NodeNext", moduleResolution: "NodeNext", strict: true, skipLibCheck: true, noEmit: true,
    resolveJsonModule: true, types: ["node"], typeRoots: [join(ROOT, "node_modules/@types")], paths,
  };
  writeFileSync(join(inputs, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["blocks/*.ts"] }));
}, 300_000);

/** A fresh folder with the inputs, for one page. */
function folderFor(page: string): string {
  const dir = mkdtempSync(join(work, `doc-${page.replace(/\W+/g, "-")}-`));
  folders.push(dir);
  cpSync(inputs, dir, { recursive: true });
  return dir;
}

const blockFile = (b: Block) => `${b.page.replace(/\W+/g, "-")}-${b.line}.ts`;

/** Runs a command without blocking the test worker (pages run side by side), for at most 4 minutes. */
const run = (command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) => runProcess(command, args, { ...options, timeout: 240_000 });

/** Runs a sh block in bash; a command exiting 2 or more stops it. Returns what went wrong, if anything. */
async function runSh(b: Block, dir: string): Promise<string | null> {
  const script = `set -o pipefail\ntrap 'rc=$?; [ $rc -le 1 ] || { echo "exit $rc: $BASH_COMMAND" >&2; exit 97; }' ERR\n${b.code}\nexit 0\n`;
  const r = await run("bash", ["-c", script], { cwd: dir, env: { ...process.env, PATH: `${join(dir, ".bin")}:${process.env.PATH ?? ""}`, NO_COLOR: "1" } });
  const trace = /^\s+at .+:\d+:\d+\)?$/m.test(r.stderr) || /unexpected error/.test(r.stderr);
  if (r.code === 0 && !trace) return null;
  return `exit ${r.code}${trace ? " (stack trace)" : ""}\n${r.stderr.slice(-2000)}`;
}

/** Runs a ts block with tsx in the page's folder. */
async function runTs(b: Block, dir: string): Promise<string | null> {
  const file = join(dir, "blocks", blockFile(b));
  const r = await run(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--tsconfig", join(dir, "tsconfig.json"), file], { cwd: dir });
  return r.code === 0 ? null : `exit ${r.code}\n${(r.stderr || r.stdout).slice(-2000)}`;
}

describe("code blocks of README.md and docs/*.md", () => {
  test("there are blocks to run, and few are marked not-run", () => {
    const marked = PAGES.flatMap((p) => readFileSync(join(ROOT, p), "utf8").split("\n").filter((l) => NOT_RUN.test(l.trim())));
    expect(BLOCKS.length).toBeGreaterThan(20);
    expect(marked.length).toBeLessThanOrEqual(BLOCKS.length / 5);
  });

  test.concurrent("ts blocks type-check", { timeout: 600_000 }, async () => {
    const dir = folderFor("typecheck");
    mkdirSync(join(dir, "blocks"));
    for (const b of BLOCKS.filter((x) => x.lang === "ts")) writeFileSync(join(dir, "blocks", blockFile(b)), `${b.code}\nexport {};\n`);
    const r = await run(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", dir], { cwd: dir });
    // Name the page and line of each error instead of the temporary file.
    const out = r.stdout.replace(/blocks\/(\S+?)-(\d+)\.ts/g, (_, p: string, line: string) => `${p.replace(/-md$/, ".md").replace(/^docs-/, "docs/")} block at line ${line}`);
    expect(out).toBe("");
  });

  for (const page of PAGES.filter((p) => BLOCKS.some((b) => b.page === p))) {
    test.concurrent(page, { timeout: 600_000 }, async () => {
      const dir = folderFor(page);
      mkdirSync(join(dir, "blocks"));
      const failures: string[] = [];
      for (const b of BLOCKS.filter((x) => x.page === page)) {
        if (b.lang === "ts") writeFileSync(join(dir, "blocks", blockFile(b)), `${b.code}\nexport {};\n`);
        const problem = b.lang === "sh" ? await runSh(b, dir) : await runTs(b, dir);
        if (problem) failures.push(`${page} block at line ${b.line} (${b.lang}): ${problem}`);
      }
      expect(failures.join("\n\n")).toBe("");
    });
  }
});
