// `npm run render-check`: regenerate the samples in docs/examples/ (the bundled sample in English, and the
// 4th-cycle-like fixture in French and Spanish), then render every output as a reader would see it and
// check it:
//   - HTML reports in Debian's headless Chromium (playwright-core, no browser download): no console or
//     page error, every chart drawn, a screenshot, and printed to A4 with no table wider than the page;
//   - Markdown reports rendered to HTML (marked) and printed to A4 the same way;
//   - Word skeletons and the XLSX matrices (and one tracking workbook) converted to PDF with
//     `libreoffice --headless`: page counts, every matrix column on the first page (fit to width);
//   - every PDF's pages as PNG (pdftoppm) in a scratch folder, to look at.
// Prints figures; exits 1 when a check fails and 2 when Chromium, LibreOffice or poppler is missing
// (`apt-get install -y chromium libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils`).
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { marked } from "marked";
import { chromium, type Browser } from "playwright-core";
import { EXAMPLES, examplesDir, generateExamples, loadSample } from "../docs/examples/generate.js";
import { planTrackExport } from "../src/track/workbook.js";
import { writeTrackWorkbook } from "../src/xlsx/track-workbook.js";

const run = promisify(execFile);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
const PNG_DIR = process.env.RENDER_DIR ?? join(tmpdir(), "upr-matrix-render");
const failures: string[] = [];
const fail = (m: string) => {
  failures.push(m);
  console.log(`FAIL ${m}`);
};
const rel = (p: string) => relative(process.cwd(), p);

async function which(cmd: string): Promise<string | null> {
  try {
    const { stdout } = await run("sh", ["-c", `command -v ${cmd}`]);
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

async function pdfPages(pdf: string): Promise<number> {
  const { stdout } = await run("pdfinfo", [pdf]);
  return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1] ?? 0);
}

async function pdfText(pdf: string, page: number): Promise<string> {
  const { stdout } = await run("pdftotext", ["-layout", "-f", String(page), "-l", String(page), pdf, "-"]);
  return stdout;
}

/** Every page of a PDF as a small PNG in PNG_DIR/<name>/, for a person to look at. */
async function toPngs(pdf: string, name: string): Promise<void> {
  const out = join(PNG_DIR, name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await run("pdftoppm", ["-png", "-r", "60", pdf, join(out, "page")]);
  console.log(`  pages as PNG: ${out}/`);
}

/** Open a page in print mode at A4 width and report tables wider than their box. */
async function printOverflow(browser: Browser, url: string): Promise<string[]> {
  const page = await browser.newPage({ viewport: { width: 680, height: 1000 } });
  try {
    await page.emulateMedia({ media: "print" });
    await page.goto(url, { waitUntil: "load" });
    return await page.$$eval("table", (ts) =>
      ts.flatMap((t) => {
        const box = (t.parentElement ?? t).getBoundingClientRect().width;
        return t.scrollWidth > Math.ceil(box) + 1 ? [`${t.id || t.className || "table"}: ${t.scrollWidth}px in ${Math.round(box)}px`] : [];
      }),
    );
  } finally {
    await page.close();
  }
}

async function printPdf(browser: Browser, url: string, pdf: string): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: "load" });
    await page.pdf({ path: pdf, format: "A4", printBackground: true });
  } finally {
    await page.close();
  }
}

async function checkHtml(browser: Browser, html: string, png: string): Promise<void> {
  const t = performance.now();
  const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
  try {
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
    console.log(`HTML ${rel(html)}: ${tables} tables, ${charts.length} charts, ${errors.length} console/page errors, ${(performance.now() - t).toFixed(0)} ms`);
    for (const c of charts) {
      console.log(`  ${c.id}: ${c.width}x${c.height}px, ${c.drawn}/${c.segments} bar segments drawn`);
      if (c.width < 300 || c.height < 60) fail(`${c.id} is ${c.width}x${c.height}px`);
      if (c.segments === 0 || c.drawn !== c.segments) fail(`${c.id}: ${c.drawn} of ${c.segments} segments drawn`);
    }
    if (charts.length < 2) fail(`expected at least 2 charts, found ${charts.length}`);
    for (const e of errors) fail(e);
    const size = statSync(png).size;
    console.log(`  screenshot ${rel(png)} (${size} bytes)`);
    if (size < 10_000) fail(`screenshot is only ${size} bytes`);
  } finally {
    await page.close();
  }
}

async function checkPrinted(browser: Browser, htmlFile: string, name: string): Promise<void> {
  const url = pathToFileURL(htmlFile).href;
  const overflow = await printOverflow(browser, url);
  for (const o of overflow) fail(`${name} printed on A4: table wider than the page (${o})`);
  const pdf = join(PNG_DIR, `${name}.pdf`);
  await printPdf(browser, url, pdf);
  console.log(`PRINT ${name}: ${await pdfPages(pdf)} A4 pages, ${overflow.length} table(s) wider than the page`);
  await toPngs(pdf, name);
}

// The Markdown report as a reader's viewer shows it (GitHub-like: tables with borders).
function markdownPage(md: string, title: string): string {
  const css = "body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:1000px;margin:0 auto;padding:1rem;color:#222}table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border:1px solid #ccc;padding:.2rem .4rem;vertical-align:top;overflow-wrap:anywhere}th{background:#f3f3f3}@media print{body{max-width:none;padding:0}table{font-size:8pt}}";
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title><style>${css}</style></head><body>${marked.parse(md, { async: false })}</body></html>`;
}

async function toPdf(input: string, pdf: string, soffice: string, checks: { minPages?: number; firstPage?: string[] } = {}): Promise<void> {
  const t = performance.now();
  const out = mkdtempSync(join(tmpdir(), "upr-pdf-"));
  const profile = mkdtempSync(join(tmpdir(), "upr-lo-profile-"));
  try {
    await run(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--convert-to", "pdf", "--outdir", out, input], { timeout: 300_000 });
    const produced = join(out, basename(input).replace(/\.(docx|xlsx)$/, ".pdf"));
    if (!existsSync(produced)) {
      fail(`LibreOffice wrote no PDF for ${basename(input)}`);
      return;
    }
    renameSync(produced, pdf);
    const pages = await pdfPages(pdf);
    console.log(`PDF ${rel(pdf)}: ${pages} pages, ${statSync(pdf).size} bytes, ${(performance.now() - t).toFixed(0)} ms`);
    if (readFileSync(pdf).subarray(0, 5).toString("latin1") !== "%PDF-") fail(`${basename(pdf)} is not a PDF`);
    if (checks.minPages && pages < checks.minPages) fail(`${basename(pdf)} has only ${pages} pages`);
    if (checks.firstPage) {
      const first = await pdfText(pdf, 1);
      for (const words of checks.firstPage) if (!first.includes(words)) fail(`${basename(pdf)}: "${words}" is not on the first page (columns cut off?)`);
    }
    await toPngs(pdf, basename(pdf, ".pdf") + (pdf.includes("cycle4") ? "-cycle4" : ""));
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

const soffice = (await which("libreoffice")) ?? (await which("soffice"));
if (!existsSync(CHROMIUM) || !soffice || !(await which("pdftoppm"))) {
  console.error(
    `render-check needs Debian's chromium (${existsSync(CHROMIUM) ? "found" : "missing"}), LibreOffice (${soffice ? "found" : "missing"}) and poppler-utils: apt-get install -y chromium libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils`,
  );
  process.exit(2);
}
mkdirSync(PNG_DIR, { recursive: true });
const paths = await generateExamples();
console.log(`Regenerated the samples in ${rel(examplesDir)}`);

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
try {
  await checkHtml(browser, paths.html, paths.png);
  await checkHtml(browser, paths.c4Html, paths.c4Png);
  await checkPrinted(browser, paths.html, "report-html");
  await checkPrinted(browser, paths.c4Html, "rapport-html-cycle4");
  for (const [md, name] of [
    [paths.md, "report-md"],
    [paths.c4Md, "rapport-md-cycle4"],
  ] as const) {
    const html = join(PNG_DIR, `${name}.html`);
    writeFileSync(html, markdownPage(readFileSync(md, "utf8"), name));
    await checkPrinted(browser, html, name);
  }
} finally {
  await browser.close();
}

await toPdf(paths.docx, paths.pdf, soffice, { minPages: 3 });
await toPdf(paths.midTerm, paths.midTermPdf, soffice, { minPages: 3 });
await toPdf(paths.c4Docx, paths.c4Pdf, soffice, { minPages: 3 });
await toPdf(paths.c4DocxFr, paths.c4PdfFr, soffice, { minPages: 3 });
await toPdf(paths.c4MidTermEs, paths.c4MidTermEsPdf, soffice, { minPages: 3 });
await toPdf(paths.xlsx, paths.xlsxPdf, soffice, { firstPage: ["Recommendation", "Key"] });
await toPdf(paths.c4Xlsx, paths.c4XlsxPdf, soffice, { firstPage: ["Recomendación y Estado recomendante", "Clave"] });

// A tracking workbook of the sample, as an institution prints it: every column on the page.
const { recommendations, states } = await loadSample();
const plans = planTrackExport(recommendations, states, { round: "2025-01-01T00-00-00Z", exportedAt: "2025-01-01T00:00:00.000Z" });
const plan = plans.reduce((a, b) => (Math.abs(b.rows.length - 49) < Math.abs(a.rows.length - 49) ? b : a));
const wbFile = join(PNG_DIR, `track-${plan.fileName}`);
writeFileSync(wbFile, await writeTrackWorkbook(plan));
console.log(`Tracking workbook ${plan.fileName}: ${plan.rows.length} rows`);
await toPdf(wbFile, wbFile.replace(/\.xlsx$/, ".pdf"), soffice, { firstPage: ["Key", "Reported by"] });

if (failures.length) {
  console.log(`render-check: ${failures.length} problem(s).`);
  process.exit(1);
}
console.log(`render-check: OK (committed: ${Object.values(EXAMPLES).length} sample files; page images in ${PNG_DIR})`);
