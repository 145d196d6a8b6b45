/**
 * `npm run demo`: the main job end to end on the bundled sample matrix, run with the built CLI as a
 * user would run it. Works on a fresh clone after `npm ci` (it builds dist/ when needed).
 *
 * Each step is one `upr-matrix` command. To show a new capability, add a step to STEPS (classify,
 * report...): a title, the arguments, and optionally the output file(s) it writes under demo-output/.
 */
import { ensureDistBuilt } from "./lib/built.js";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SAMPLE = "fixtures/sample/ohchr-matrix-en.docx";
const OUT = "demo-output";

interface Step {
  title: string;
  args: string[];
  /** Files the step writes, listed after it runs. */
  writes?: string[];
}

export const STEPS: Step[] = [
  {
    title: "Parse the sample matrix: what is in it",
    args: ["parse", SAMPLE, "--format", "summary"],
  },
  {
    title: "Parse it into the JSON contract (recommendations, diagnostics, sources)",
    args: ["parse", SAMPLE, "--out", `${OUT}/recommendations.json`],
    writes: [`${OUT}/recommendations.json`],
  },
  {
    title: "The same as JSON Lines, one recommendation per line (for large batches)",
    args: ["parse", SAMPLE, "--format", "jsonl", "--out", `${OUT}/recommendations.jsonl`],
    writes: [`${OUT}/recommendations.jsonl`],
  },
  {
    title: "Classify: fill UPR Info action categories, issues and SDGs the matrix lacks (with confidence and evidence)",
    args: ["classify", SAMPLE, "--format", "summary"],
  },
  {
    title: "Classify into JSON (inferred labels marked source: \"classifier\")",
    args: ["classify", SAMPLE, "--out", `${OUT}/classified.json`],
    writes: [`${OUT}/classified.json`],
  },
  {
    title: "Start tracking implementation: a ledger of status events",
    args: ["track", "init", SAMPLE, "--dir", `${OUT}/tracking`, "--force", "--date", "2025-01-15"],
  },
  {
    title: "Record updates from ministries (one command per update; returned workbooks are read with `track import`)",
    args: ["track", "update", "142.28", "--dir", `${OUT}/tracking`, "--status", "In progress", "--action", "Ratification bill tabled in Parliament", "--lead", "Ministry of Foreign Affairs", "--date", "2025-03-01", "--by", "NMIRF secretariat"],
  },
  {
    title: "A second update, in French wording",
    args: ["track", "update", "142.168", "--dir", `${OUT}/tracking`, "--status", "Partiellement mise en œuvre", "--action", "Plan national adopté", "--date", "2025-04-10"],
  },
  {
    title: "Progress by position",
    args: ["track", "status", "--dir", `${OUT}/tracking`, "--by", "position"],
  },
  {
    title: "Write one update workbook per institution, to send to ministries",
    args: ["track", "export", "--dir", `${OUT}/tracking`, "--out", `${OUT}/workbooks`],
  },
  {
    title: "Report: statistics and charts as HTML",
    args: ["report", SAMPLE, "--format", "html", "--ledger", `${OUT}/tracking/ledger.jsonl`, "--out", `${OUT}/report.html`],
    writes: [`${OUT}/report.html`],
  },
  {
    title: "Report as Markdown",
    args: ["report", SAMPLE, "--format", "md", "--out", `${OUT}/report.md`],
    writes: [`${OUT}/report.md`],
  },
  {
    title: "The filled-in OHCHR matrix as Excel",
    args: ["report", SAMPLE, "--format", "xlsx", "--ledger", `${OUT}/tracking/ledger.jsonl`, "--out", `${OUT}/matrix.xlsx`],
    writes: [`${OUT}/matrix.xlsx`],
  },
  {
    title: "A Word national-report skeleton for the next review (each section names the text it follows: docs/report.md)",
    args: ["skeleton", SAMPLE, "--ledger", `${OUT}/tracking/ledger.jsonl`, "--out", `${OUT}/national-report.docx`],
    writes: [`${OUT}/national-report.docx`],
  },
];

function ensureBuilt(): void {
  if (!ensureDistBuilt("Building the CLI (npm run build)...")) {
    console.error("The build failed; see the messages above.");
    process.exit(1);
  }
}

ensureBuilt();
mkdirSync(join(ROOT, OUT), { recursive: true });
let failed = 0;
for (const [i, step] of STEPS.entries()) {
  console.log(`\n== ${i + 1}. ${step.title}\n$ upr-matrix ${step.args.join(" ")}`);
  const r = spawnSync(process.execPath, [join(ROOT, "dist", "cli.js"), ...step.args], { cwd: ROOT, stdio: "inherit" });
  // 0: read cleanly; 1: the input had errors (still a result); 2: the step could not run.
  if (r.status !== 0 && r.status !== 1) {
    console.error(`Step ${i + 1} failed (exit code ${r.status}).`);
    failed++;
  }
  for (const w of step.writes ?? []) if (existsSync(join(ROOT, w))) console.log(`-> ${relative(ROOT, join(ROOT, w))} (${statSync(join(ROOT, w)).size.toLocaleString("en-US")} bytes)`);
}
console.log(failed ? `\n${failed} step(s) failed.` : `\nDone: outputs in ${OUT}/.`);
process.exitCode = failed ? 1 : 0;
