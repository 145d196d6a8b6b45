// Regenerate src/taxonomy/data/*.json from ../shared/docs/taxonomy/*.json, the UPR Info exports in
// ../shared/corpus/upr-info and the labels observed in the real OHCHR matrices (listed below).
// The generated files are committed; this script is only needed to regenerate them.
//
//   npx tsx scripts/build-taxonomy.ts            # write the files
//   npx tsx scripts/build-taxonomy.ts --check    # exit 1 when a committed file differs
//
// Output is deterministic: entries sorted, two-space JSON, trailing newline.

import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { compareParagraphIds } from "../src/schema/key.js";
import { normalizeKey } from "../src/taxonomy/normalize.js";
import { buildVocabularies } from "./taxonomy/vocabularies.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = resolve(process.env.UPR_SHARED_DIR ?? join(ROOT, "../shared"));
const TAXONOMY_DIR = join(SHARED, "docs/taxonomy");
const UPR_INFO_DIR = join(SHARED, "corpus/upr-info");
const CLUSTERS_DIR = join(SHARED, "corpus/uhri-clusters-3rd-cycle");
const OUT_DIR = join(ROOT, "src/taxonomy/data");
const CHECK = process.argv.includes("--check");

const SRC_CHINA_2013 = "../shared/corpus/ohchr-matrices/China_2013_matrix.docx";
const SRC_CHINA_2018 = "../shared/corpus/ohchr-matrices/China_2018_matrix.docx";
const SRC_EGYPT = "../shared/corpus/ohchr-matrices/EgyptMatriceRecommendations.docx";
const SRC_SLOVENIA = "../shared/corpus/ohchr-matrices/UPR20__Slovenia_ThematicListRecommendations_E.docx";
const SRC_UPR_INFO = "UPR Info export, ../shared/corpus/upr-info";
const SRC_HAND = "added by hand: common variant";
const SRC_BUILD_SHORT = "build-taxonomy: short name, filled by hand (not seen in a real file)";

// ---------------------------------------------------------------------------------------------
// Shared input types

interface SharedTheme {
  id: string;
  code: string | null;
  name: string;
  parent: string | null;
  level: number | null;
  taxonomy: "uhri-v1-coded" | "uhri-current-uncoded";
  confirmed: boolean;
  sources: string[];
  parentInferred?: boolean;
  observedIn?: string[];
  legacyCode?: string | null;
  legacyMatch?: string | null;
  note?: string;
}

interface SharedPerson {
  id: string;
  code: null;
  name: string;
  parent: null;
  lists: string[];
  sources: string[];
  note?: string;
}

interface SharedIssue {
  code: string;
  name: string;
  parent: null;
  confirmed: boolean;
  sources: string[];
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// Output types

type Taxonomy = "uhri-v1-coded" | "uhri-2020" | "uhri-2025" | "uhri-numbered-2014";
type Top = "A" | "B" | "D" | "E" | "F" | "G" | "H" | "S";

interface ThemeOut {
  id: string;
  code: string | null;
  name: string;
  parent: string | null;
  level: number | null;
  taxonomy: Taxonomy;
  legacyCode: string | null;
  legacyMatch: string | null;
  top: Top;
  aliases: string[];
  confirmed: boolean;
  observedIn: string[];
  note: string | null;
  sources: string[];
}

interface PersonOut {
  id: string;
  name: string;
  lists: string[];
  aliases: string[];
  sources: string[];
}

interface IssueOut {
  code: string;
  name: string;
  aliases: string[];
  sources: string[];
}

interface SdgOut {
  goal: number;
  en: string;
  fr: string;
  es: string;
  sources: string[];
}

type RegionalGroup = "African" | "Asia-Pacific" | "EEG" | "GRULAC" | "WEOG";

interface StateOut {
  name: string;
  aliases: string[];
  group: RegionalGroup | null;
  sources: string[];
}

// ---------------------------------------------------------------------------------------------
// Helpers

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

function uniq<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** Deterministic code-point comparison (no locale). */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}


function slug(s: string): string {
  return normalizeKey(s)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function fail(message: string): never {
  console.error(`build-taxonomy: ${message}`);
  process.exit(1);
}

const TOPS = new Set<string>(["A", "B", "D", "E", "F", "G", "H", "S"]);
function topOf(code: string, what: string): Top {
  const letter = code.charAt(0);
  if (!TOPS.has(letter)) fail(`no top-level letter for ${what} (${code})`);
  return letter as Top;
}

// ---------------------------------------------------------------------------------------------
// Themes

/** v1 codes seen in the real China matrices and missing from the shared list: [code, name, files]. */
const CHINA_V1: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ["A23", "Follow-up to treaty bodies", [SRC_CHINA_2018]],
  ["A28", "Cooperation with other international mechanisms and institutions", [SRC_CHINA_2013, SRC_CHINA_2018]],
  ["A44", "Structure of the national human rights machinery", [SRC_CHINA_2018]],
  ["A46", "National Plans of Action on Human Rights (or specific areas)", [SRC_CHINA_2013, SRC_CHINA_2018]],
  ["A53", "Professional training in human rights", [SRC_CHINA_2013]],
  ["A61", "Cooperation with civil society", [SRC_CHINA_2013, SRC_CHINA_2018]],
  ["A63", "Budget and resources (for human rights implementation)", [SRC_CHINA_2013]],
  ["B11", "International humanitarian law", [SRC_CHINA_2013, SRC_CHINA_2018]],
  ["B41", "Right to development", [SRC_CHINA_2013, SRC_CHINA_2018]],
  ["B52", "Impunity", [SRC_CHINA_2018]],
  ["B71", "Human rights and the environment", [SRC_CHINA_2013, SRC_CHINA_2018]],
  ["B73", "Human rights and climate change", [SRC_CHINA_2018]],
  ["D23", "Death penalty", [SRC_CHINA_2013, SRC_CHINA_2018]],
  ["D26", "Conditions of detention", [SRC_CHINA_2013, SRC_CHINA_2018]],
  ["D31", "Liberty and security - general", [SRC_CHINA_2018]],
  ["D33", "Arbitrary arrest and detention", [SRC_CHINA_2013, SRC_CHINA_2018]],
  ["D41", "Freedom of movement", [SRC_CHINA_2013, SRC_CHINA_2018]],
  ["D44", "Right to peaceful assembly", [SRC_CHINA_2013, SRC_CHINA_2018]],
  ["D45", "Freedom of association", [SRC_CHINA_2013, SRC_CHINA_2018]],
  ["E22", "Right to food", [SRC_CHINA_2018]],
  ["E44", "Health awareness raising, access to information", [SRC_CHINA_2013]],
  ["E54", "technical and vocational education", [SRC_CHINA_2013]],
  ["F11", "Advancement of women", [SRC_CHINA_2013, SRC_CHINA_2018]],
  ["F14", "Participation of women in political and public life", [SRC_CHINA_2013, SRC_CHINA_2018]],
  ["F19", "Girls", [SRC_CHINA_2013]],
  ["F45", "Persons with disabilities: independence, inclusion", [SRC_CHINA_2013]],
  ["G9", "Older persons", [SRC_CHINA_2013]],
  ["H3", "Persons living with HIV/AIDS", [SRC_CHINA_2013]],
  ["H4", "Persons living in rural areas", [SRC_CHINA_2013]],
];

/** v1 codes of the shared list that the China matrices also show (they become confirmed). */
const CHINA_CONFIRMS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["A47", [SRC_CHINA_2013, SRC_CHINA_2018]],
];

/** SDG-coded entries of the China 2018 themes column: [code, name, confirmed]. */
const SDG_THEMES: ReadonlyArray<readonly [string, string, boolean]> = [
  ["S", "Sustainable Development Goal implementation", true],
  ["S01", "SDG 1 - poverty", true],
  ["S02", "SDG 2 - hunger and food security", true],
  ["S03", "SDG 3 - health", true],
  ["S04", "SDG 4 - education", true],
  ["S05", "SDG 5 - gender equality and women's empowerment", true],
  ["S06", "SDG 6 - water and sanitation", true],
  ["S07", "SDG 7 - affordable and clean energy", false],
  ["S08", "SDG 8 - economic growth, employment, decent work", true],
  ["S09", "SDG 9 - industry, innovation and infrastructure", false],
  ["S10", "SDG 10 - reduced inequalities", false],
  ["S11", "SDG 11 - sustainable cities and communities", false],
  ["S12", "SDG 12 - responsible consumption and production", false],
  ["S13", "SDG 13 - climate change", true],
  ["S14", "SDG 14 - oceans", true],
  ["S15", "SDG 15 - biodiversity, forests, desertification", true],
  ["S16", "SDG 16 - peace, justice and strong institutions", true],
  ["S17", "SDG 17 - partnerships", true],
];

/** Names for the top-level groups whose UHRI title was not found (confirmed: false). */
const TOP_NAMES_UNCONFIRMED: Readonly<Record<"G" | "H" | "S", string>> = {
  G: "Specific groups (other)",
  H: "Human rights defenders and others",
  S: "Sustainable Development Goals",
};

/**
 * The numbered scheme of the Egypt 2014 matrix ("Right or area: 2.1. Acceptance of international
 * norms"): [number, name as observed, v1 code of the same meaning or null, how sure, top if no v1 code].
 */
const NUMBERED: ReadonlyArray<readonly [string, string, string | null, "exact-name" | "inferred" | null, Top?]> = [
  ["2.1", "Acceptance of international norms", "A12", "exact-name"],
  ["2.2", "Reservations", null, null, "A"],
  ["3.1", "Cooperation with treaty bodies", "A22", "exact-name"],
  ["3.2", "Cooperation with special procedures", "A24", "exact-name"],
  ["3.3", "Cooperation with other international mechanisms and institutions", "A28", "exact-name"],
  ["4", "Inter-state cooperation & development assistance", "A3", "exact-name"],
  ["5.1", "Constitutional & legislative framework", "A41", "exact-name"],
  ["5.2", "Institutions & policies", "A42", "inferred"],
  ["5.3", "Political framework & good governance", "A47", "inferred"],
  ["6", "Human rights education and training", "A5", "inferred"],
  ["7.1", "Context, statistics, budget, cooperation with civil society", "A6", "inferred"],
  ["8", "Non-discrimination", "B31", "inferred"],
  ["10", "Discrimination against women", "F12", "exact-name"],
  ["12", "Right to physical and moral integrity", "D2", "exact-name"],
  ["12.4", "Death penalty", "D23", "exact-name"],
  ["12.5", "Prohibition of torture and cruel, inhuman or degrading treatment", "D25", "exact-name"],
  ["12.6", "Conditions of detention", "D26", "exact-name"],
  ["12.7", "Prohibition of slavery, trafficking", "D27", "exact-name"],
  ["13.1", "Liberty & security – general", "D31", "exact-name"],
  ["13.3", "Arbitrary arrest and detention", "D33", "exact-name"],
  ["14.2", "Freedom of thought, conscience and religion", "D42", "exact-name"],
  ["14.3", "Freedom of opinion and expression", "D43", "exact-name"],
  ["14.4", "Right to peaceful assembly", "D44", "exact-name"],
  ["14.5", "Freedom of association", "D45", "exact-name"],
  ["15.1", "Administration of justice & fair trial", "D51", "exact-name"],
  ["16", "Right to an effective remedy, impunity", "B5", "inferred"],
  ["18", "Right to participate in public affairs & right to vote", "D7", "inferred"],
  ["19", "Rights related to marriage & family", "D8", "exact-name"],
  ["20.1", "Human rights & counter-terrorism", "B8", "exact-name"],
  ["22.1", "Right to an adequate standard of living - general", "E21", "exact-name"],
  ["22.3", "Right to adequate housing", "E23", "exact-name"],
  ["22.6", "Human rights & drinking water and sanitation", "E26", "exact-name"],
  ["23.1", "Right to work", "E31", "exact-name"],
  ["23.2", "Right to just and favourable conditions of work", "E32", "exact-name"],
  ["23.3", "Trade Union Rights", "E33", "exact-name"],
  ["24", "Right to health", "E41", "inferred"],
  ["25", "Right to education", "E51", "inferred"],
  ["28.1", "Business & human rights", "B6", "exact-name"],
  ["29.1", "Discrimination against women", "F12", "exact-name"],
  ["29.2", "Gender-based violence", "F13", "inferred"],
  ["30.1", "Children: definition, general principles, protection", "F31", "exact-name"],
  ["30.3", "Children: protection against exploitation", "F33", "exact-name"],
  ["30.4", "Juvenile justice", "F34", "inferred"],
  ["31.1", "Persons with disabilities: definition, general principles", "F41", "exact-name"],
  ["31.4", "Persons with disabilities: protecting the integrity of the person", "F44", "exact-name"],
  ["32", "Members of minorities", "G1", "exact-name"],
  ["34", "Migrants", "G4", "exact-name"],
  ["36", "Human rights defenders", "H1", "exact-name"],
  ["37", "Right to development – general measures of implementation", "B41", "inferred"],
  ["39", "Voluntary pledges & commitments", null, null, "A"],
];

/** Spelling variants seen in real files that normalisation alone does not join: [code, alias, source]. */
const THEME_ALIASES: ReadonlyArray<readonly [string, string, string]> = [
  ["G2", "Lesbian, gay, bisexual, transgender and intersex persons (LGBTI)", "added by hand: common variant (persons spelling)"],
];

function buildThemes(shared: readonly SharedTheme[]): ThemeOut[] {
  const v1 = new Map<string, ThemeOut>();
  const uncoded: ThemeOut[] = [];

  for (const t of shared) {
    if (t.taxonomy === "uhri-v1-coded") {
      if (!t.code) fail(`v1 theme without code: ${t.id}`);
      v1.set(t.code, {
        id: t.id,
        code: t.code,
        name: t.name,
        parent: t.parent,
        level: t.level,
        taxonomy: "uhri-v1-coded",
        legacyCode: t.code,
        legacyMatch: "self",
        top: topOf(t.code, t.id),
        aliases: [],
        confirmed: t.confirmed,
        observedIn: [],
        note: t.note ?? null,
        sources: [...t.sources],
      });
    } else {
      const observedIn = t.observedIn ?? [];
      const parent = t.parent;
      const legacyCode = t.legacyCode ?? null;
      const anchor = legacyCode ?? parent;
      if (!anchor) fail(`uncoded theme without parent or legacy code: ${t.id}`);
      uncoded.push({
        id: t.id,
        code: null,
        name: t.name,
        parent,
        level: null,
        // Seen in a 2020 matrix: the 2020 generation (it may also be in 2024/25 lists, see observedIn).
        taxonomy: observedIn.includes("2020-matrix") ? "uhri-2020" : "uhri-2025",
        legacyCode,
        legacyMatch: t.legacyMatch ?? null,
        top: topOf(anchor, t.id),
        aliases: [],
        confirmed: t.confirmed,
        observedIn: [...observedIn],
        note: t.note ?? null,
        sources: [...t.sources],
      });
    }
  }

  // Top-level G and H exist with placeholder titles; give them the working names (still unconfirmed).
  for (const letter of ["G", "H"] as const) {
    const t = v1.get(letter);
    if (!t) fail(`shared list has no top-level ${letter}`);
    t.name = TOP_NAMES_UNCONFIRMED[letter];
    t.confirmed = false;
    t.note = `${t.note ? `${t.note}; ` : ""}working title given by build-taxonomy, not UHRI's`;
  }

  const parentByPrefix = (code: string): string => {
    // A23 -> A2, G9 -> G, H3 -> H
    const p = code.length >= 3 ? code.slice(0, 2) : code.charAt(0);
    if (!v1.has(p)) fail(`parent ${p} of ${code} is missing`);
    return p;
  };

  for (const [code, name, files] of CHINA_V1) {
    if (v1.has(code)) fail(`${code} is already in the shared list`);
    v1.set(code, {
      id: `uhri-v1-${code}`,
      code,
      name,
      parent: parentByPrefix(code),
      level: code.length >= 3 ? 3 : 2,
      taxonomy: "uhri-v1-coded",
      legacyCode: code,
      legacyMatch: "self",
      top: topOf(code, code),
      aliases: [],
      confirmed: true,
      observedIn: [],
      note: null,
      sources: [...files],
    });
  }
  for (const [code, files] of CHINA_CONFIRMS) {
    const t = v1.get(code);
    if (!t) fail(`${code} not in the shared list`);
    t.confirmed = true;
    t.sources = uniq([...t.sources, ...files]);
    t.note = `${t.note ? `${t.note}; ` : ""}confirmed by the China 2013 and 2018 matrices`;
  }

  // S group: China 2018 puts SDG codes in its themes column.
  for (const [code, name, confirmed] of SDG_THEMES) {
    const top = code === "S";
    v1.set(code, {
      id: `uhri-v1-${code}`,
      code,
      name,
      parent: top ? null : "S",
      level: top ? 1 : 2,
      taxonomy: "uhri-v1-coded",
      legacyCode: code,
      legacyMatch: "self",
      top: "S",
      aliases: [],
      confirmed,
      observedIn: [],
      note: confirmed ? null : "not seen in a real file: name filled from the UN goal title",
      sources: confirmed ? [SRC_CHINA_2018] : [SRC_BUILD_SHORT],
    });
  }
  // The S label seen in China 2018 names the theme; the top-level group name is ours.
  const s = v1.get("S");
  if (s) s.aliases.push(TOP_NAMES_UNCONFIRMED.S);

  for (const [code, alias, source] of THEME_ALIASES) {
    const t = v1.get(code);
    if (!t) fail(`alias target ${code} missing`);
    t.aliases.push(alias);
    t.sources = uniq([...t.sources, source]);
  }

  // Uncoded labels whose v1 twin (same name) is one of the codes added from the China matrices:
  // record that code. Mappings already made in the shared list are kept otherwise.
  const chinaByName = new Map<string, string>();
  for (const [code, name] of CHINA_V1) chinaByName.set(normalizeKey(name), code);
  for (const t of uncoded) {
    const twin = chinaByName.get(normalizeKey(t.name));
    if (twin && t.legacyCode !== twin && t.legacyMatch !== "exact-name") {
      const before = t.legacyCode;
      t.legacyCode = twin;
      t.legacyMatch = "exact-name";
      t.top = topOf(twin, t.id);
      t.note = `${t.note ? `${t.note}; ` : ""}legacyCode ${twin} (was ${before ?? "none"}): same name as the v1 code seen in the China matrices`;
    }
  }
  // Renamed labels whose predecessor got a v1 code above take the same code.
  const RENAMES: ReadonlyArray<readonly [string, string]> = [
    ["National Human Rights Action Plans (or specific areas) / implementation plans", "A46"],
    ["Rule of law & impunity", "B52"],
    ["Impunity & transparency", "B52"],
    ["Cooperation and meaningful consultation with civil society & participation", "A61"],
    ["Cooperation & consultation with civil society", "A61"],
  ];
  for (const [name, code] of RENAMES) {
    const t = uncoded.find((u) => normalizeKey(u.name) === normalizeKey(name));
    if (!t) fail(`rename ${name} not found`);
    if (t.legacyCode === null) {
      t.legacyCode = code;
      t.legacyMatch = "inferred";
      t.note = `${t.note ? `${t.note}; ` : ""}legacyCode ${code} inferred by build-taxonomy`;
    }
  }

  const numbered: ThemeOut[] = [];
  const numberedCodes = new Set(NUMBERED.map(([code]) => code));
  for (const [code, name, legacy, match, top] of NUMBERED) {
    if (legacy && !v1.has(legacy)) fail(`numbered ${code}: v1 code ${legacy} unknown`);
    const head = code.split(".")[0]!;
    numbered.push({
      id: `uhri-numbered-2014-${code}`,
      code,
      name,
      parent: code.includes(".") && numberedCodes.has(head) ? head : null,
      level: code.split(".").length,
      taxonomy: "uhri-numbered-2014",
      legacyCode: legacy,
      legacyMatch: match,
      top: legacy ? topOf(legacy, code) : (top ?? fail(`numbered ${code}: no top`)),
      aliases: [],
      confirmed: true,
      observedIn: [],
      note: null,
      sources: [SRC_EGYPT],
    });
  }

  const coded = [...v1.values()].sort((a, b) => cmp(a.code!, b.code!));
  const order: Record<Taxonomy, number> = { "uhri-v1-coded": 0, "uhri-2020": 1, "uhri-2025": 2, "uhri-numbered-2014": 3 };
  uncoded.sort((a, b) => order[a.taxonomy] - order[b.taxonomy] || cmp(a.top, b.top) || cmp(a.parent ?? "", b.parent ?? "") || cmp(a.name, b.name));
  numbered.sort((a, b) => compareParagraphIds(a.code!, b.code!));
  const all = [...coded, ...uncoded, ...numbered];
  for (const t of all) t.sources = uniq(t.sources);

  const ids = new Set<string>();
  for (const t of all) {
    if (ids.has(t.id)) fail(`duplicate theme id ${t.id}`);
    ids.add(t.id);
    if (t.legacyCode && !v1.has(t.legacyCode)) fail(`${t.id}: legacyCode ${t.legacyCode} unknown`);
    if (t.parent && !v1.has(t.parent) && !numberedCodes.has(t.parent)) fail(`${t.id}: parent ${t.parent} unknown`);
  }
  return all;
}

// ---------------------------------------------------------------------------------------------
// Persons

const PERSON_EXTRA: ReadonlyArray<{ name: string; lists: string[]; sources: string[] }> = [
  { name: "Judiciary", lists: ["uhri-numbered-2014"], sources: [SRC_EGYPT] },
  { name: "Migrant workers", lists: ["uhri-numbered-2014"], sources: [SRC_EGYPT] },
];

const PERSON_ALIASES: ReadonlyArray<readonly [string, string, string]> = [
  [
    "Lesbian, gay, bisexual and transgender and intersex persons (LGBTI)",
    "Lesbian, gay, bisexual, transgender and intersex persons (LGBTI)",
    `${SRC_CHINA_2018}; ${SRC_SLOVENIA}`,
  ],
  ["Lesbian, gay, bisexual and transgender and intersex persons (LGBTI)", "LGBTI persons", SRC_HAND],
  ["Lesbian, gay, bisexual and transgender and intersex persons (LGBTI)", "LGBTI", SRC_HAND],
];

function buildPersons(shared: readonly SharedPerson[]): PersonOut[] {
  const byKey = new Map<string, PersonOut>();
  for (const p of [...shared, ...PERSON_EXTRA]) {
    const key = normalizeKey(p.name);
    const seen = byKey.get(key);
    if (seen) {
      seen.lists = uniq([...seen.lists, ...p.lists]);
      seen.sources = uniq([...seen.sources, ...p.sources]);
    } else {
      byKey.set(key, { id: `ap-${slug(p.name)}`, name: p.name, lists: [...p.lists], aliases: [], sources: [...p.sources] });
    }
  }
  for (const [target, alias, source] of PERSON_ALIASES) {
    const p = byKey.get(normalizeKey(target));
    if (!p) fail(`person alias target ${target} missing`);
    if (byKey.has(normalizeKey(alias))) fail(`person alias ${alias} is already a name`);
    p.aliases.push(alias);
    p.sources = uniq([...p.sources, source]);
  }
  const out = [...byKey.values()].sort((a, b) => cmp(a.id, b.id));
  const ids = new Set<string>();
  for (const p of out) {
    if (ids.has(p.id)) fail(`duplicate person id ${p.id}`);
    ids.add(p.id);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// UPR Info exports (states and issues)

interface UprInfoRow {
  To?: string;
  "To-Rgrp"?: string;
  From?: string;
  "From-Rgrp"?: string;
  Issue?: string;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'");
}

function readUprInfo(): UprInfoRow[] {
  const files = readdirSync(UPR_INFO_DIR)
    .filter((f) => f.endsWith(".csv"))
    .sort();
  if (files.length === 0) fail(`no CSV in ${UPR_INFO_DIR}`);
  const decoder = new TextDecoder("macintosh");
  const rows: UprInfoRow[] = [];
  for (const f of files) {
    // Bare CR line ends, MacRoman bytes.
    const text = decoder.decode(readFileSync(join(UPR_INFO_DIR, f))).replace(/\r\n?/g, "\n");
    const parsed = Papa.parse<UprInfoRow>(text, { header: true, skipEmptyLines: true });
    rows.push(...parsed.data);
  }
  return rows;
}

/** The cluster headings of the corpus' cycle4-named lists (normalised), which the vocabularies must cover. */
function readClusterLabels(): Map<string, string> {
  if (!existsSync(CLUSTERS_DIR)) fail(`${CLUSTERS_DIR} not found`);
  const out = new Map<string, string>();
  for (const f of readdirSync(CLUSTERS_DIR).filter((f) => f.endsWith(".csv")).sort()) {
    const parsed = Papa.parse<{ primary_theme?: string }>(readFileSync(join(CLUSTERS_DIR, f), "utf8"), { header: true, skipEmptyLines: true });
    for (const r of parsed.data) if (r.primary_theme?.trim()) out.set(normalizeKey(r.primary_theme), r.primary_theme.trim());
  }
  return out;
}

/** UPR Info's 2018 export renames two issues and adds two: [name in the list, name in the 2018 export]. */
const ISSUE_RENAMES_2018: ReadonlyArray<readonly [string, string]> = [
  ["NHRI", "National Human Rights Institution"],
  ["Right to water", "Right to water and sanitation"],
];
const ISSUES_ADDED_2018: readonly string[] = ["Privacy", "Statelessness and the right to nationality"];
const SRC_UPR_INFO_2018 = "UPR Info export of July 2018, ../shared/corpus/upr-info-2018";

function buildIssues(shared: readonly SharedIssue[], rows: readonly UprInfoRow[], rows2018: readonly string[]): IssueOut[] {
  const corpus = new Map<string, string>(); // key -> spelling in the export
  for (const r of rows) {
    for (const raw of (r.Issue ?? "").split(",")) {
      const label = raw.trim();
      if (label) corpus.set(normalizeKey(label), label);
    }
  }
  const out: IssueOut[] = shared.map((i) => {
    const spelled = corpus.get(normalizeKey(i.name));
    const sources = [...i.sources];
    if (spelled) sources.push(spelled === i.name ? SRC_UPR_INFO : `${SRC_UPR_INFO} (spelled "${spelled}" there)`);
    return { code: i.code, name: spelled ?? i.name, aliases: [], sources };
  });
  for (const [name, alias] of ISSUE_RENAMES_2018) {
    const i = out.find((x) => x.name === name);
    if (!i) fail(`issue ${name} (renamed in 2018) missing`);
    i.aliases.push(alias);
    i.sources.push(`${SRC_UPR_INFO_2018} (named "${alias}" there)`);
  }
  for (const name of ISSUES_ADDED_2018) out.push({ code: slug(name), name, aliases: [], sources: [SRC_UPR_INFO_2018] });
  const known = new Set(out.flatMap((i) => [i.name, ...i.aliases].map(normalizeKey)));
  for (const [key, label] of corpus) if (!known.has(key)) fail(`issue in the UPR Info export not in the list: ${label}`);
  for (const label of rows2018) if (!known.has(normalizeKey(label))) fail(`issue in the 2018 UPR Info export not in the list: ${label}`);
  return out.sort((a, b) => cmp(a.code, b.code));
}

/** The issues named in UPR Info's 2018 export (";"-separated, BOM, issues comma-separated in column 10). */
function readUprInfo2018Issues(): string[] {
  const dir = join(SHARED, "corpus/upr-info-2018");
  if (!existsSync(dir)) fail(`${dir} not found`);
  const out = new Set<string>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".csv")).sort()) {
    const parsed = Papa.parse<string[]>(readFileSync(join(dir, f), "utf8").replace(/^\uFEFF/, ""), { delimiter: ";", skipEmptyLines: true });
    for (const row of parsed.data.slice(1)) for (const raw of (row[9] ?? "").split(",")) if (raw.trim()) out.add(raw.trim());
  }
  return [...out].sort();
}

const GROUPS: Readonly<Record<string, RegionalGroup | null>> = {
  Africa: "African",
  Asia: "Asia-Pacific",
  EEG: "EEG",
  GRULAC: "GRULAC",
  WEOG: "WEOG",
  Observer: null,
};

/** Not States: placeholders in the export. */
const NOT_STATES = new Set(["(Unknown)"]);

/**
 * Aliases by UPR Info name: UN English names and common variants, then French and Spanish names
 * (UN short forms). Any one that equals the name after normalisation is dropped.
 */
const STATE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  Afghanistan: ["Afghanistan", "Afganistán"],
  Albania: ["Albanie", "Albania"],
  Algeria: ["Algérie", "Argelia"],
  Andorra: ["Andorre", "Andorra"],
  Angola: ["Angola"],
  "Antigua & Barbuda": ["Antigua and Barbuda", "Antigua-et-Barbuda", "Antigua y Barbuda"],
  Argentina: ["Argentine", "Argentina"],
  Armenia: ["Arménie", "Armenia"],
  Australia: ["Australie", "Australia"],
  Austria: ["Autriche", "Austria"],
  Azerbaijan: ["Azerbaïdjan", "Azerbaiyán"],
  Bahamas: ["Bahamas"],
  Bahrain: ["Bahreïn", "Bahrein"],
  Bangladesh: ["Bangladesh"],
  Barbados: ["Barbade", "Barbados"],
  Belarus: ["Bélarus", "Belarús"],
  Belgium: ["Belgique", "Bélgica"],
  Belize: ["Belize", "Belice"],
  Benin: ["Bénin", "Benin"],
  Bhutan: ["Bhoutan", "Bhután", "Bután"],
  Bolivia: [
    "Bolivia (Plurinational State of)",
    "Plurinational State of Bolivia",
    "Bolivie (État plurinational de)",
    "État plurinational de Bolivie",
    "Bolivie",
    "Bolivia (Estado Plurinacional de)",
    "Estado Plurinacional de Bolivia",
  ],
  "Bosnia & Herzegovina": ["Bosnia and Herzegovina", "Bosnie-Herzégovine", "Bosnia y Herzegovina"],
  Botswana: ["Botswana"],
  Brazil: ["Brésil", "Brasil"],
  "Brunei Darussalam": ["Brunei", "Brunéi Darussalam", "Brunei Darussalam"],
  Bulgaria: ["Bulgarie", "Bulgaria"],
  "Burkina Faso": ["Burkina Faso"],
  Burundi: ["Burundi"],
  Cambodia: ["Cambodge", "Camboya"],
  Cameroon: ["Cameroun", "Camerún"],
  Canada: ["Canada", "Canadá"],
  "Cape Verde": ["Cabo Verde", "Cap-Vert"],
  "Central African Republic": ["République centrafricaine", "República Centroafricana"],
  Chad: ["Tchad", "Chad"],
  Chile: ["Chili", "Chile"],
  China: ["People's Republic of China", "Chine", "China"],
  Colombia: ["Colombie", "Colombia"],
  Comoros: ["Comores", "Comoras"],
  "Costa Rica": ["Costa Rica"],
  "Cote d'Ivoire": ["Côte d'Ivoire", "Ivory Coast"],
  Croatia: ["Croatie", "Croacia"],
  Cuba: ["Cuba"],
  Cyprus: ["Chypre", "Chipre"],
  "Czech Republic": ["Czechia", "Tchéquie", "République tchèque", "Chequia", "República Checa"],
  "DPR Korea": [
    "Democratic People's Republic of Korea",
    "DPRK",
    "North Korea",
    "République populaire démocratique de Corée",
    "República Popular Democrática de Corea",
  ],
  "Democratic Republic of Congo": [
    "Democratic Republic of the Congo",
    "DR Congo",
    "DRC",
    "République démocratique du Congo",
    "República Democrática del Congo",
  ],
  Denmark: ["Danemark", "Dinamarca"],
  Djibouti: ["Djibouti", "Yibuti"],
  Dominica: ["Dominique", "Dominica"],
  "Dominican Republic": ["République dominicaine", "República Dominicana"],
  Ecuador: ["Équateur", "Ecuador"],
  Egypt: ["Égypte", "Egipto"],
  "El Salvador": ["El Salvador"],
  "Equatorial Guinea": ["Guinée équatoriale", "Guinea Ecuatorial"],
  Eritrea: ["Érythrée", "Eritrea"],
  Estonia: ["Estonie", "Estonia"],
  Ethiopia: ["Éthiopie", "Etiopía"],
  Fiji: ["Fidji", "Fiji"],
  Finland: ["Finlande", "Finlandia"],
  France: ["France", "Francia"],
  Gabon: ["Gabon", "Gabón"],
  Gambia: ["Gambie", "Gambia"],
  Georgia: ["Géorgie", "Georgia"],
  Germany: ["Allemagne", "Alemania"],
  Ghana: ["Ghana"],
  Greece: ["Grèce", "Grecia"],
  Grenada: ["Grenade", "Granada"],
  Guatemala: ["Guatemala"],
  Guinea: ["Guinée", "Guinea"],
  "Guinea Bissau": ["Guinea-Bissau", "Guinée-Bissau"],
  Guyana: ["Guyana"],
  Haiti: ["Haïti", "Haití"],
  "Holy See": ["Saint-Siège", "Santa Sede"],
  Honduras: ["Honduras"],
  Hungary: ["Hongrie", "Hungría"],
  Iceland: ["Islande", "Islandia"],
  India: ["Inde", "India"],
  Indonesia: ["Indonésie", "Indonesia"],
  Iran: [
    "Iran (Islamic Republic of)",
    "Islamic Republic of Iran",
    "Iran (République islamique d')",
    "République islamique d'Iran",
    "Irán (República Islámica del)",
    "República Islámica del Irán",
  ],
  Iraq: ["Iraq", "Irak"],
  Ireland: ["Irlande", "Irlanda"],
  Israel: ["Israël", "Israel"],
  Italy: ["Italie", "Italia"],
  Jamaica: ["Jamaïque", "Jamaica"],
  Japan: ["Japon", "Japón"],
  Jordan: ["Jordanie", "Jordania"],
  Kazakhstan: ["Kazakhstan", "Kazajstán"],
  Kenya: ["Kenya"],
  Kiribati: ["Kiribati"],
  Kuwait: ["Koweït", "Kuwait"],
  Kyrgyzstan: ["Kirghizistan", "Kirguistán"],
  Laos: [
    "Lao People's Democratic Republic",
    "Lao PDR",
    "République démocratique populaire lao",
    "República Democrática Popular Lao",
  ],
  Latvia: ["Lettonie", "Letonia"],
  Lebanon: ["Liban", "Líbano"],
  Lesotho: ["Lesotho", "Lesoto"],
  Liberia: ["Libéria", "Liberia"],
  Libya: ["Libyan Arab Jamahiriya", "Libye", "Libia"],
  Liechtenstein: ["Liechtenstein"],
  Lithuania: ["Lituanie", "Lituania"],
  Luxembourg: ["Luxembourg", "Luxemburgo"],
  "Macedonia FYR": [
    "North Macedonia",
    "The former Yugoslav Republic of Macedonia",
    "Macédoine du Nord",
    "ex-République yougoslave de Macédoine",
    "Macedonia del Norte",
    "ex República Yugoslava de Macedonia",
  ],
  Madagascar: ["Madagascar"],
  Malawi: ["Malawi"],
  Malaysia: ["Malaisie", "Malasia"],
  Maldives: ["Maldives", "Maldivas"],
  Mali: ["Mali", "Malí"],
  Malta: ["Malte", "Malta"],
  "Marshall Islands": ["Îles Marshall", "Islas Marshall"],
  Mauritania: ["Mauritanie", "Mauritania"],
  Mauritius: ["Maurice", "Mauricio"],
  Mexico: ["Mexique", "México"],
  Micronesia: [
    "Micronesia (Federated States of)",
    "Federated States of Micronesia",
    "Micronésie (États fédérés de)",
    "Micronesia (Estados Federados de)",
  ],
  Moldova: ["Republic of Moldova", "République de Moldova", "República de Moldova", "República de Moldavia"],
  Monaco: ["Monaco", "Mónaco"],
  Mongolia: ["Mongolie", "Mongolia"],
  Montenegro: ["Monténégro", "Montenegro"],
  Morocco: ["Maroc", "Marruecos"],
  Mozambique: ["Mozambique"],
  Myanmar: ["Myanmar"],
  Namibia: ["Namibie", "Namibia"],
  Nauru: ["Nauru"],
  Nepal: ["Népal", "Nepal"],
  Netherlands: [
    "Netherlands (Kingdom of the)",
    "Kingdom of the Netherlands",
    "Pays-Bas",
    "Pays-Bas (Royaume des)",
    "Países Bajos",
    "Países Bajos (Reino de los)",
    "Reino de los Países Bajos",
  ],
  "New Zealand": ["Nouvelle-Zélande", "Nueva Zelandia", "Nueva Zelanda"],
  Nicaragua: ["Nicaragua"],
  Niger: ["Niger", "Níger"],
  Nigeria: ["Nigéria", "Nigeria"],
  Norway: ["Norvège", "Noruega"],
  Oman: ["Oman", "Omán"],
  Pakistan: ["Pakistan", "Pakistán"],
  Palau: ["Palaos", "Palau"],
  Palestine: ["State of Palestine", "État de Palestine", "Estado de Palestina"],
  Panama: ["Panama", "Panamá"],
  "Papua New Guinea": ["Papouasie-Nouvelle-Guinée", "Papua Nueva Guinea"],
  Paraguay: ["Paraguay"],
  Peru: ["Pérou", "Perú"],
  Philippines: ["Philippines", "Filipinas"],
  Poland: ["Pologne", "Polonia"],
  Portugal: ["Portugal"],
  Qatar: ["Qatar"],
  "Republic of Congo": ["Congo", "Republic of the Congo"],
  "Republic of Korea": ["South Korea", "République de Corée", "República de Corea"],
  Romania: ["Roumanie", "Rumania"],
  "Russian Federation": ["Russia", "Fédération de Russie", "Federación de Rusia"],
  Rwanda: ["Rwanda"],
  Samoa: ["Samoa"],
  "San Marino": ["Saint-Marin", "San Marino"],
  "Sao Tome & Principe": ["Sao Tome and Principe", "Sao Tomé-et-Principe", "Santo Tomé y Príncipe"],
  "Saudi Arabia": ["Arabie saoudite", "Arabia Saudita", "Arabia Saudí"],
  Senegal: ["Sénégal", "Senegal"],
  Serbia: ["Serbie", "Serbia"],
  Seychelles: ["Seychelles"],
  "Sierra Leone": ["Sierra Leone", "Sierra Leona"],
  Singapore: ["Singapour", "Singapur"],
  Slovakia: ["Slovaquie", "Eslovaquia"],
  Slovenia: ["Slovénie", "Eslovenia"],
  "Solomon Islands": ["Îles Salomon", "Islas Salomón"],
  Somalia: ["Somalie", "Somalia"],
  "South Africa": ["Afrique du Sud", "Sudáfrica"],
  "South Sudan": ["Soudan du Sud", "Sudán del Sur"],
  Spain: ["Espagne", "España"],
  "Sri Lanka": ["Sri Lanka"],
  "St Kitts & Nevis": ["Saint Kitts and Nevis", "Saint-Kitts-et-Nevis", "Saint Kitts y Nevis"],
  "St Lucia": ["Saint Lucia", "Sainte-Lucie", "Santa Lucía"],
  "St Vincent & the Grenadines": [
    "Saint Vincent and the Grenadines",
    "Saint-Vincent-et-les Grenadines",
    "San Vicente y las Granadinas",
  ],
  Sudan: ["Soudan", "Sudán"],
  Suriname: ["Suriname"],
  Swaziland: ["Eswatini", "Kingdom of Eswatini", "Swazilandia"],
  Sweden: ["Suède", "Suecia"],
  Switzerland: ["Suisse", "Suiza"],
  Syria: ["Syrian Arab Republic", "République arabe syrienne", "República Árabe Siria"],
  Tajikistan: ["Tadjikistan", "Tayikistán"],
  Tanzania: ["United Republic of Tanzania", "République-Unie de Tanzanie", "República Unida de Tanzanía"],
  Thailand: ["Thaïlande", "Tailandia"],
  "Timor-Leste": ["East Timor", "Timor-Leste", "Timor Leste", "Timor Oriental"],
  Togo: ["Togo"],
  Tonga: ["Tonga"],
  "Trinidad & Tobago": ["Trinidad and Tobago", "Trinité-et-Tobago", "Trinidad y Tabago", "Trinidad y Tobago"],
  Tunisia: ["Tunisie", "Túnez"],
  Turkey: ["Türkiye", "Turquie", "Turquía"],
  Turkmenistan: ["Turkménistan", "Turkmenistán"],
  Tuvalu: ["Tuvalu"],
  Uganda: ["Ouganda", "Uganda"],
  Ukraine: ["Ukraine", "Ucrania"],
  "United Arab Emirates": ["Émirats arabes unis", "Emiratos Árabes Unidos"],
  "United Kingdom": [
    "United Kingdom of Great Britain and Northern Ireland",
    "UK",
    "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
    "Royaume-Uni",
    "Reino Unido de Gran Bretaña e Irlanda del Norte",
    "Reino Unido",
  ],
  "United States": [
    "United States of America",
    "USA",
    "États-Unis d'Amérique",
    "États-Unis",
    "Estados Unidos de América",
    "Estados Unidos",
  ],
  Uruguay: ["Uruguay"],
  Uzbekistan: ["Ouzbékistan", "Uzbekistán"],
  Vanuatu: ["Vanuatu"],
  Venezuela: [
    "Venezuela (Bolivarian Republic of)",
    "Bolivarian Republic of Venezuela",
    "Venezuela (République bolivarienne du)",
    "République bolivarienne du Venezuela",
    "Venezuela (República Bolivariana de)",
    "República Bolivariana de Venezuela",
  ],
  "Viet Nam": ["Vietnam", "Viet Nam"],
  Yemen: ["Yémen", "Yemen"],
  Zambia: ["Zambie", "Zambia"],
  Zimbabwe: ["Zimbabwe"],
};

/** Variants seen in real matrices that normalisation does not join (typos included): [name, alias, source]. */
const STATE_OBSERVED_ALIASES: ReadonlyArray<readonly [string, string, string]> = [
  ["Bolivia", "Bolivia (Plurinational S tate of)", `${SRC_CHINA_2013} (alias "Bolivia (Plurinational S tate of)": typo in the file)`],
];

/**
 * The UN's own short names (UNTERM, as in UN documents and OHCHR matrices) where UPR Info's export
 * spells a State otherwise. They become the canonical `name` (reports show them); UPR Info's spelling
 * stays an alias. Written by hand from UN usage.
 */
const UN_NAMES: Readonly<Record<string, string>> = {
  "Antigua & Barbuda": "Antigua and Barbuda",
  Bolivia: "Bolivia (Plurinational State of)",
  "Bosnia & Herzegovina": "Bosnia and Herzegovina",
  "Cape Verde": "Cabo Verde",
  "Cote d'Ivoire": "Côte d'Ivoire",
  "Czech Republic": "Czechia",
  "DPR Korea": "Democratic People's Republic of Korea",
  "Democratic Republic of Congo": "Democratic Republic of the Congo",
  "Guinea Bissau": "Guinea-Bissau",
  Iran: "Iran (Islamic Republic of)",
  Laos: "Lao People's Democratic Republic",
  "Macedonia FYR": "North Macedonia",
  Micronesia: "Micronesia (Federated States of)",
  Moldova: "Republic of Moldova",
  Palestine: "State of Palestine",
  "Republic of Congo": "Congo",
  "Sao Tome & Principe": "Sao Tome and Principe",
  "St Kitts & Nevis": "Saint Kitts and Nevis",
  "St Lucia": "Saint Lucia",
  "St Vincent & the Grenadines": "Saint Vincent and the Grenadines",
  Swaziland: "Eswatini",
  Syria: "Syrian Arab Republic",
  Tanzania: "United Republic of Tanzania",
  "Trinidad & Tobago": "Trinidad and Tobago",
  Turkey: "Türkiye",
  "United Kingdom": "United Kingdom of Great Britain and Northern Ireland",
  "United States": "United States of America",
  Venezuela: "Venezuela (Bolivarian Republic of)",
};

/** Recommending entities that are not States. */
const NON_STATE_RECOMMENDERS: readonly StateOut[] = [
  { name: "European Union", aliases: ["EU", "Union européenne", "Unión Europea"], group: null, sources: [SRC_HAND] },
];

/** The key findState uses: normalised, without a leading "the". */
function stateKey(name: string): string {
  return normalizeKey(name).replace(/^the /, "");
}

function buildStates(rows: readonly UprInfoRow[]): StateOut[] {
  const groups = new Map<string, Set<string>>();
  const note = (name: string | undefined, group: string | undefined) => {
    if (!name) return;
    const n = decodeEntities(name).trim();
    if (!n || NOT_STATES.has(n)) return;
    const set = groups.get(n) ?? new Set<string>();
    set.add(decodeEntities(group ?? "").trim());
    groups.set(n, set);
  };
  for (const r of rows) {
    note(r.To, r["To-Rgrp"]);
    note(r.From, r["From-Rgrp"]);
  }
  const out: StateOut[] = [];
  for (const [name, set] of groups) {
    if (set.size !== 1) fail(`${name} has several regional groups: ${[...set].join(", ")}`);
    const raw = [...set][0]!;
    if (!(raw in GROUPS)) fail(`${name}: unknown regional group ${raw}`);
    const aliasList = STATE_ALIASES[name];
    if (!aliasList) fail(`no alias entry for ${name}`);
    const seen = new Set([stateKey(name)]);
    const aliases: string[] = [];
    const observed = STATE_OBSERVED_ALIASES.filter(([n]) => n === name);
    for (const a of [...aliasList, ...observed.map(([, alias]) => alias)]) {
      if (seen.has(stateKey(a))) continue;
      seen.add(stateKey(a));
      aliases.push(a);
    }
    // The UN name is the canonical one; UPR Info's spelling becomes an alias.
    const unName = UN_NAMES[name];
    const canonical = unName ?? name;
    const finalAliases = unName ? [name, ...aliases.filter((a) => stateKey(a) !== stateKey(unName))] : aliases;
    out.push({
      name: canonical,
      aliases: finalAliases,
      group: GROUPS[raw] ?? null,
      sources: [
        SRC_UPR_INFO,
        ...(aliasList.some((a) => stateKey(a) !== stateKey(name)) ? [`${SRC_HAND} (aliases: UN English, French and Spanish names)`] : []),
        ...observed.map(([, , source]) => source),
      ],
    });
  }
  for (const name of Object.keys(STATE_ALIASES)) if (!groups.has(name)) fail(`alias entry for ${name}, not in the export`);
  for (const name of Object.keys(UN_NAMES)) if (!groups.has(name)) fail(`UN name for ${name}, not in the export`);
  out.push(...NON_STATE_RECOMMENDERS.map((s) => ({ ...s, aliases: [...s.aliases], sources: [...s.sources] })));
  out.sort((a, b) => cmp(a.name, b.name));

  const owner = new Map<string, string>();
  for (const s of out) {
    for (const n of [s.name, ...s.aliases]) {
      const k = stateKey(n);
      const prev = owner.get(k);
      if (prev && prev !== s.name) fail(`"${n}" names both ${prev} and ${s.name}`);
      owner.set(k, s.name);
    }
  }
  const members = out.filter((s) => s.group !== null).length;
  if (members !== 193) fail(`expected 193 member States with a regional group, found ${members}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// SDGs: the official short titles (UN, sdgs.un.org; un.org/sustainabledevelopment/fr and /es).

const SDGS: ReadonlyArray<readonly [number, string, string, string]> = [
  [1, "No poverty", "Pas de pauvreté", "Fin de la pobreza"],
  [2, "Zero hunger", "Faim « zéro »", "Hambre cero"],
  [3, "Good health and well-being", "Bonne santé et bien-être", "Salud y bienestar"],
  [4, "Quality education", "Éducation de qualité", "Educación de calidad"],
  [5, "Gender equality", "Égalité entre les sexes", "Igualdad de género"],
  [6, "Clean water and sanitation", "Eau propre et assainissement", "Agua limpia y saneamiento"],
  [7, "Affordable and clean energy", "Énergie propre et d'un coût abordable", "Energía asequible y no contaminante"],
  [8, "Decent work and economic growth", "Travail décent et croissance économique", "Trabajo decente y crecimiento económico"],
  [9, "Industry, innovation and infrastructure", "Industrie, innovation et infrastructure", "Industria, innovación e infraestructura"],
  [10, "Reduced inequalities", "Inégalités réduites", "Reducción de las desigualdades"],
  [11, "Sustainable cities and communities", "Villes et communautés durables", "Ciudades y comunidades sostenibles"],
  [12, "Responsible consumption and production", "Consommation et production responsables", "Producción y consumo responsables"],
  [13, "Climate action", "Mesures relatives à la lutte contre les changements climatiques", "Acción por el clima"],
  [14, "Life below water", "Vie aquatique", "Vida submarina"],
  [15, "Life on land", "Vie terrestre", "Vida de ecosistemas terrestres"],
  [16, "Peace, justice and strong institutions", "Paix, justice et institutions efficaces", "Paz, justicia e instituciones sólidas"],
  [17, "Partnerships for the goals", "Partenariats pour la réalisation des objectifs", "Alianzas para lograr los objetivos"],
];

function buildSdgs(): SdgOut[] {
  return SDGS.map(([goal, en, fr, es]) => ({
    goal,
    en,
    fr,
    es,
    sources: [
      "UN official short titles (sdgs.un.org; un.org/sustainabledevelopment/fr/, /es/), added by hand",
      ...([1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 16, 17].includes(goal)
        ? ["uppercase English title seen in OHCHR matrices (DOMAIN-DETAIL.md 4.5)"]
        : []),
    ],
  }));
}

// ---------------------------------------------------------------------------------------------
// Main

function main(): void {
  for (const dir of [TAXONOMY_DIR, UPR_INFO_DIR]) {
    if (!existsSync(dir)) fail(`${dir} not found: this script needs ../shared (or UPR_SHARED_DIR)`);
  }
  const sharedThemes = readJson<SharedTheme[]>(join(TAXONOMY_DIR, "uhri-themes.json"));
  const sharedPersons = readJson<SharedPerson[]>(join(TAXONOMY_DIR, "affected-persons.json"));
  const sharedIssues = readJson<SharedIssue[]>(join(TAXONOMY_DIR, "upr-info-issues.json"));
  const rows = readUprInfo();

  const themes = buildThemes(sharedThemes);
  const persons = buildPersons(sharedPersons);
  const files: Record<string, unknown[] | object> = {
    "themes.json": themes,
    "persons.json": persons,
    "issues.json": buildIssues(sharedIssues, rows, readUprInfo2018Issues()),
    "sdgs.json": buildSdgs(),
    "states.json": buildStates(rows),
    "vocabularies.json": buildVocabularies(themes, persons, readClusterLabels(), fail),
  };

  let stale = 0;
  for (const [name, data] of Object.entries(files)) {
    const path = join(OUT_DIR, name);
    const text = `${JSON.stringify(data, null, 2)}\n`;
    if (CHECK) {
      const current = existsSync(path) ? readFileSync(path, "utf8") : "";
      if (current !== text) {
        console.error(`stale: src/taxonomy/data/${name}`);
        stale++;
      }
    } else {
      writeFileSync(path, text);
      console.log(`src/taxonomy/data/${name}: ${Array.isArray(data) ? `${data.length} entries` : "written"}`);
    }
  }
  if (stale > 0) process.exit(1);
}

main();
