// `npm run render-check`: regenerate the sample reports in docs/examples/, open the HTML report in
// Debian's headless Chromium (playwright-core, no browser download), fail on console or page errors,
// check that every chart has drawn bars, take a PNG screenshot; convert both Word skeletons to PDF with
// `libreoffice --headless` and check the PDFs. Prints figures; exits 1 when a check fails and 2 when
// Chromium or LibreOffice is missing (`apt-get install -y chromium libreoffice-writer-nogui`).
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { chromium } from "playwright-core";
import { generateExamples } from "../docs/examples/generate.js";

const run = promisify(execFile);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
const failures: string[] = [];
const fail = (m: string) => {
  failures.push(m);
  console.log(`FAIL ${m}`);
};

async function which(cmd: string): Promise<string | null> {
  try {
    const { stdout } = await run("sh", ["-c", `command -v ${cmd}`]);
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

async function checkHtml(html: string, png: string): Promise<void> {
  const t = performance.now();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") errors.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
    page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()}`));
    await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
    const charts = await page.$$eval("svg.chart", (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const segments = Array.from(svg.querySelectorAll("rect.segment"));
        const drawn = segments.filter((r) => r.getBoundingClientRect().width > 0 && r.getBoundingClientRect().height > 0).length;
        return { id: svg.id, width: Math.round(box.width), height: Math.round(box.height), segments: segments.length, drawn };
      }),
    );
    const tables = await page.$$eval("table", (ts) => ts.length);
    const chartsBottom = await page.$eval("#charts", (el) => Math.ceil(el.getBoundingClientRect().bottom + window.scrollY));
    await page.screenshot({ path: png, fullPage: true, clip: { x: 0, y: 0, width: 1100, height: Math.min(chartsBottom + 16, 6000) } });
    console.log(`HTML ${basename(html)}: ${tables} tables, ${charts.length} charts, ${errors.length} console/page errors, ${(performance.now() - t).toFixed(0)} ms`);
    for (const c of charts) {
      console.log(`  ${c.id}: ${c.width}x${c.height}px, ${c.drawn}/${c.segments} bar segments drawn`);
      if (c.width < 300 || c.height < 60) fail(`${c.id} is ${c.width}x${c.height}px`);
      if (c.segments === 0 || c.drawn !== c.segments) fail(`${c.id}: ${c.drawn} of ${c.segments} segments drawn`);
    }
    if (charts.length < 2) fail(`expected at least 2 charts, found ${charts.length}`);
    for (const e of errors) fail(e);
    const size = statSync(png).size;
    console.log(`  screenshot ${png} (${size} bytes)`);
    if (size < 10_000) fail(`screenshot is only ${size} bytes`);
  } finally {
    await browser.close();
  }
}

async function toPdf(docx: string, pdf: string, soffice: string): Promise<void> {
  const t = performance.now();
  const out = mkdtempSync(join(tmpdir(), "upr-pdf-"));
  const profile = mkdtempSync(join(tmpdir(), "upr-lo-profile-"));
  try {
    await run(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--convert-to", "pdf", "--outdir", out, docx], { timeout: 240_000 });
    const produced = join(out, basename(docx).replace(/\.docx$/, ".pdf"));
    if (!existsSync(produced)) {
      fail(`LibreOffice wrote no PDF for ${basename(docx)}`);
      return;
    }
    renameSync(produced, pdf);
    const head = readFileSync(pdf).subarray(0, 5).toString("latin1");
    let pages = "?";
    if (await which("pdfinfo")) {
      const { stdout } = await run("pdfinfo", [pdf]);
      pages = /Pages:\s+(\d+)/.exec(stdout)?.[1] ?? "?";
    }
    console.log(`PDF ${basename(pdf)}: ${pages} pages, ${statSync(pdf).size} bytes, ${(performance.now() - t).toFixed(0)} ms`);
    if (head !== "%PDF-") fail(`${basename(pdf)} is not a PDF`);
    if (pages !== "?" && Number(pages) < 3) fail(`${basename(pdf)} has only ${pages} pages`);
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

const soffice = (await which("libreoffice")) ?? (await which("soffice"));
if (!existsSync(CHROMIUM) || !soffice) {
  console.error(`render-check needs Debian's chromium (${existsSync(CHROMIUM) ? "found" : "missing"}) and LibreOffice (${soffice ? "found" : "missing"}): apt-get install -y chromium libreoffice-writer-nogui`);
  process.exit(2);
}
const paths = await generateExamples();
console.log(`Regenerated the samples in ${join(paths.md, "..")}`);
await checkHtml(paths.html, paths.png);
await toPdf(paths.docx, paths.pdf, soffice);
await toPdf(paths.midTerm, paths.midTermPdf, soffice);
if (failures.length) {
  console.log(`render-check: ${failures.length} problem(s).`);
  process.exit(1);
}
console.log("render-check: OK");
