// Every theme, person, SDG, State and issue label in the real corpus (../shared/corpus) is found by
// the taxonomy lookups. Skipped when the corpus is absent (e.g. a clean clone in CI).

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { strFromU8, unzipSync } from "fflate";
import Papa from "papaparse";
import { describe, expect, test } from "vitest";
import {
  findIssue,
  findPerson,
  findSdg,
  findState,
  findTheme,
  type RegionalGroup,
  type Theme,
} from "../../src/taxonomy/index.js";
import { normalizeKey } from "../../src/taxonomy/normalize.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const corpusDir = join(root, "../shared/corpus");
const matricesDir = join(corpusDir, "ohchr-matrices");
const uprInfoDir = join(corpusDir, "upr-info");
const sharedTaxonomyDir = join(root, "../shared/docs/taxonomy");

if (!existsSync(corpusDir)) console.info("taxonomy-labels: ../shared/corpus not found, corpus label tests skipped");

// ---------------------------------------------------------------------------------------------
// A minimal .docx table reader (test helper only): rows -> cells -> lines.

function decodeXml(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function cellLines(cellXml: string): string[] {
  const out: string[] = [];
  for (const p of cellXml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
    const marked = p.replace(/<w:(?:br|cr)\b[^>]*\/>/g, "<w:t>\n</w:t>").replace(/<w:tab\b[^>]*\/>/g, "<w:t> </w:t>");
    let text = "";
    for (const m of marked.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) text += decodeXml(m[1] ?? "");
    out.push(...text.split("\n"));
  }
  return out.map((l) => l.trim()).filter((l) => l !== "");
}

function readDocxRows(file: string): string[][][] {
  const xml = strFromU8(unzipSync(readFileSync(file), { filter: (f) => f.name === "word/document.xml" })["word/document.xml"]!);
  return (xml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).map((row) =>
    (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map(cellLines),
  );
}

interface MatrixLabels {
  themes: string[];
  headers: string[];
  persons: string[];
  recommendingStates: string[];
}

/** The trailing "(State, State)" groups of a recommendation paragraph, split at top-level commas. */
function trailingStates(line: string): string[] {
  let t = line.replace(/[;.\s]+$/, "");
  const groups: string[] = [];
  while (t.endsWith(")")) {
    let depth = 0;
    let i = t.length - 1;
    for (; i >= 0; i--) {
      if (t[i] === ")") depth++;
      else if (t[i] === "(" && --depth === 0) break;
    }
    if (i < 0) break;
    groups.unshift(t.slice(i + 1, -1));
    t = t.slice(0, i).replace(/[;\s]+$/, "");
  }
  const items: string[] = [];
  for (const g of groups) {
    let depth = 0;
    let cur = "";
    for (const c of g) {
      if (c === "(") depth++;
      if (c === ")") depth--;
      if (c === "," && depth === 0) {
        items.push(cur.trim());
        cur = "";
      } else cur += c;
    }
    items.push(cur.trim());
  }
  // Not States: years ("2016–2020") and treaty acronyms ("ICRMW", "OP-CAT") in parentheses.
  return items.filter((s) => s !== "" && !/^\d/.test(s) && !/^[A-Z][A-Z0-9-]*$/.test(s));
}

function readMatrixLabels(file: string): MatrixLabels {
  const out: MatrixLabels = { themes: [], headers: [], persons: [], recommendingStates: [] };
  for (const row of readDocxRows(file)) {
    for (const lines of row) {
      const at = lines.findIndex((l) => /^affected persons\s*:?$/i.test(l));
      if (at >= 0) {
        out.themes.push(...lines.slice(0, at));
        out.persons.push(...lines.slice(at + 1));
        continue;
      }
      for (const l of lines) {
        if (/^(theme|right or area)\s*:/i.test(l)) out.headers.push(l);
        // Recommendation paragraphs: "28.212 ...", "186.28. ...", "166.10. ...".
        else if (/^\d{2,3}\.\d{1,3}\.?\s/.test(l)) out.recommendingStates.push(...trailingStates(l));
      }
    }
  }
  return out;
}

const CODED = /^(?:(?:theme|right or area)\s*:\s*)?([A-HS]\d{0,2}|\d{1,2}(?:\.\d{1,2})?)\.?\s+(.+)$/i;

/** The label names the theme found: same code, and its text is the theme's name or an alias. */
function expectCodedLabel(label: string, found: Theme | undefined): void {
  expect(found, label).toBeDefined();
  const m = CODED.exec(label.replace(/\u00a0/g, " ").trim());
  if (!m || !found) return;
  expect(found.code, label).toBe(m[1]!.toUpperCase());
  const names = [found.name, ...found.aliases].map(normalizeKey);
  expect(names, label).toContain(normalizeKey(m[2]!));
}

const matrices = existsSync(matricesDir)
  ? readdirSync(matricesDir)
      .filter((f) => f.endsWith(".docx"))
      .sort()
  : [];

describe.skipIf(!existsSync(corpusDir))("corpus labels: OHCHR matrices", () => {
  test("the corpus has the four .docx matrices", () => {
    expect(matrices).toHaveLength(4);
  });

  describe.each(matrices)("%s", (file) => {
    const labels = readMatrixLabels(join(matricesDir, file));

    test("every theme label in the themes column is found, with its code and name", () => {
      expect(labels.themes.length).toBeGreaterThan(100);
      for (const label of new Set(labels.themes)) {
        const found = findTheme(label);
        if (CODED.test(label)) expectCodedLabel(label, found);
        else expect(found, label).toBeDefined();
        if (/^S\d{2}\s/.test(label)) expect(findSdg(label), label).toBe(Number(label.slice(1, 3)));
      }
    });

    test("every theme header row is found, with its code and name", () => {
      expect(labels.headers.length).toBeGreaterThan(10);
      for (const label of new Set(labels.headers)) expectCodedLabel(label, findTheme(label));
    });

    test("every affected-persons label is found", () => {
      expect(labels.persons.length).toBeGreaterThan(100);
      for (const label of new Set(labels.persons)) expect(findPerson(label), label).toBeDefined();
    });

    test("every recommending State is found", () => {
      expect(labels.recommendingStates.length).toBeGreaterThan(100);
      for (const name of new Set(labels.recommendingStates)) expect(findState(name), name).toBeDefined();
    });
  });
});

// ---------------------------------------------------------------------------------------------
// UPR Info exports: bare CR line ends, MacRoman bytes.

interface UprInfoRow {
  To: string;
  "To-Rgrp": string;
  From: string;
  "From-Rgrp": string;
  Issue: string;
}

const GROUPS: Readonly<Record<string, RegionalGroup | null>> = {
  Africa: "African",
  Asia: "Asia-Pacific",
  EEG: "EEG",
  GRULAC: "GRULAC",
  WEOG: "WEOG",
  Observer: null,
};

function readUprInfo(): UprInfoRow[] {
  const decoder = new TextDecoder("macintosh");
  const rows: UprInfoRow[] = [];
  for (const f of readdirSync(uprInfoDir).filter((n) => n.endsWith(".csv")).sort()) {
    const text = decoder.decode(readFileSync(join(uprInfoDir, f))).replace(/\r\n?/g, "\n");
    rows.push(...Papa.parse<UprInfoRow>(text, { header: true, skipEmptyLines: true }).data);
  }
  return rows;
}

describe.skipIf(!existsSync(uprInfoDir))("corpus labels: UPR Info exports", () => {
  const rows = existsSync(uprInfoDir) ? readUprInfo() : [];

  test("the exports were read", () => {
    expect(rows.length).toBeGreaterThan(30_000);
  });

  test("every issue label is found by findIssue", () => {
    const issues = new Set(rows.flatMap((r) => (r.Issue ?? "").split(",").map((s) => s.trim()).filter(Boolean)));
    expect(issues.size).toBe(54);
    for (const label of issues) expect(findIssue(label), label).toBeDefined();
  });

  test("every To/From State is found by findState, in its regional group", () => {
    const pairs = new Map<string, string>();
    for (const r of rows) {
      pairs.set(r.To, r["To-Rgrp"]);
      pairs.set(r.From, r["From-Rgrp"]);
    }
    pairs.delete("&#40;Unknown&#41;"); // "(Unknown)": not a State
    expect(pairs.size).toBe(195);
    for (const [name, group] of pairs) {
      const state = findState(name);
      expect(state, name).toBeDefined();
      expect(state?.group, name).toBe(GROUPS[group]);
    }
  });
});

describe.skipIf(!existsSync(sharedTaxonomyDir) || !existsSync(uprInfoDir))("generated data", () => {
  test("src/taxonomy/data is what scripts/build-taxonomy.ts generates", () => {
    // Throws (exit 1) when a committed file is stale.
    execFileSync(process.execPath, ["--import", "tsx", "scripts/build-taxonomy.ts", "--check"], { cwd: root, stdio: "pipe" });
  });
});
