/**
 * Generates the test fixtures in `fixtures/` and, beside each one, `<name>.expected.json`, written from the
 * data the generator put in the file (never by running a parser).
 *
 * Run with `npm run fixtures` (`tsx scripts/make-fixtures.ts`); `--check` regenerates in memory and exits 1
 * when a file on disk differs. Output is deterministic: seeded random numbers, fixed document dates, zip
 * entries re-packed with a fixed time. See docs/fixtures.md for what each fixture imitates and exercises.
 *
 * The recommendation texts are invented for the fixtures (realistic UN wording), not copied from any report.
 */
import { seededRandom } from "../src/internal/random.js";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import {
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from "docx";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "fixtures");
const CHECK = process.argv.includes("--check");

/** Every document property date and every zip entry time is this instant. */
const FIXED_ISO = "2024-01-15T09:00:00Z";
const FIXED_DATE = new Date(FIXED_ISO);
const NBSP = "\u00a0";

// ---------------------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------------------

type Rng = () => number;

function rngFor(name: string): Rng {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return seededRandom(h);
}

function at<T>(arr: readonly T[], i: number): T {
  const v = arr[i];
  if (v === undefined) throw new Error(`index ${i} out of range (length ${arr.length})`);
  return v;
}

function pick<T>(rng: Rng, arr: readonly T[]): T {
  return at(arr, Math.floor(rng() * arr.length));
}

function shuffle<T>(rng: Rng, arr: readonly T[]): T[] {
  const out = [...arr];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = at(out, i);
    out[i] = at(out, j);
    out[j] = tmp;
  }
  return out;
}

function pickDistinct<T>(rng: Rng, arr: readonly T[], n: number, exclude: readonly T[] = []): T[] {
  const pool = arr.filter((x) => !exclude.includes(x));
  return shuffle(rng, pool).slice(0, n);
}

function unique<T>(arr: readonly T[]): T[] {
  return [...new Set(arr)];
}

function lookup(map: Readonly<Record<string, string>>, key: string, what: string): string {
  const v = map[key];
  if (v === undefined) throw new Error(`no ${what} for ${JSON.stringify(key)}`);
  return v;
}

/** Whitespace as a parser is expected to normalise it: NBSP to space, runs collapsed, trimmed. */
function norm(s: string): string {
  return s.replace(/\u00a0/g, " ").replace(/\s+/g, " ").trim();
}

/** Excel serial day number (1900 date system) of a calendar date. */
function excelSerial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

// Byte encodings the real files use. Unmappable characters throw, so a typo cannot slip in silently.
const MAC_ROMAN_HIGH =
  "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";
const CP1252_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function encodeSingleByte(text: string, name: string, high: (ch: string) => number | undefined): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const code = ch.charCodeAt(0);
    const b = code < 0x80 ? code : high(ch);
    if (b === undefined) throw new Error(`${name} cannot encode ${JSON.stringify(ch)}`);
    out[i] = b;
  }
  return out;
}

function encodeMacRoman(text: string): Uint8Array {
  return encodeSingleByte(text, "MacRoman", (ch) => {
    const i = MAC_ROMAN_HIGH.indexOf(ch);
    return i < 0 ? undefined : 0x80 + i;
  });
}

function encodeCp1252(text: string): Uint8Array {
  return encodeSingleByte(text, "Windows-1252", (ch) => {
    const i = CP1252_80_9F.indexOf(ch);
    if (i >= 0) return 0x80 + i;
    const code = ch.charCodeAt(0);
    return code >= 0xa0 && code <= 0xff ? code : undefined;
  });
}

function encodeUtf16LeBom(text: string): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
}

function encodeUtf8Bom(text: string): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]));
}

/** Delimited text the way spreadsheet programs write it: quote a field only when it needs quoting. */
function toDelimited(rows: readonly (readonly string[])[], delimiter: string, eol: string, finalEol: boolean): string {
  const field = (v: string): string =>
    v.includes(delimiter) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  const body = rows.map((r) => r.map(field).join(delimiter)).join(eol);
  return finalEol ? body + eol : body;
}

/**
 * Re-pack an OOXML zip so that it is byte-identical on every run: document property dates set to FIXED_ISO,
 * entry times fixed. The time is built from local components because zip stores local DOS time.
 */
function normalizeZip(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const mtime = new Date(2024, 0, 15, 9, 0, 0);
  const out: Zippable = {};
  // [Content_Types].xml first, as Word and Excel write it; then the order the library chose.
  const names = Object.keys(files).sort((a, b) => Number(b === "[Content_Types].xml") - Number(a === "[Content_Types].xml"));
  for (const name of names) {
    const data = files[name];
    if (!data) continue;
    let content = data;
    if (name === "docProps/core.xml") {
      const xml = strFromU8(data).replace(
        /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
        `$1${FIXED_ISO}$3`,
      );
      content = strToU8(xml);
    }
    out[name] = [content, { mtime, level: 6 }];
  }
  return zipSync(out);
}

// ---------------------------------------------------------------------------------------------------------
// What a fixture promises: the ledger of rows and the expected.json built from it
// ---------------------------------------------------------------------------------------------------------

type Position = "supported" | "noted" | "partially-supported" | "pending" | "unknown";
const POSITIONS: readonly Position[] = ["supported", "noted", "partially-supported", "pending", "unknown"];

type RowKind = "title" | "header" | "section" | "blank" | "continuation" | "bad" | "recommendation";

interface ExpectedRec {
  /** Paragraph id, normalised (no trailing dot, NBSP as space); null when the row has none. */
  id: string | null;
  /** 1-based row in the table / sheet / CSV record list. */
  row: number;
  positionRaw: string;
  position: Position;
  states: string[];
  themes: string[];
}

class Ledger {
  readonly kinds: RowKind[] = [];
  readonly recs: ExpectedRec[] = [];

  /** Records a row and returns its 1-based number. */
  row(kind: RowKind): number {
    this.kinds.push(kind);
    return this.kinds.length;
  }

  rec(r: Omit<ExpectedRec, "row">): number {
    const row = this.row("recommendation");
    this.recs.push({ ...r, row, states: r.states.map(norm), themes: r.themes.map(norm) });
    return row;
  }
}

interface Meta {
  file: string;
  format: "docx" | "xlsx" | "csv";
  layout: "ohchr-matrix" | "uhri-export" | "upr-info" | "user-sheet";
  language: "en" | "fr" | "es";
  origin: string;
  stateUnderReview: string | null;
  cycle: number | null;
  session: number | null;
  diagnostics: string[];
}

function buildExpected(meta: Meta, ledger: Ledger): Record<string, unknown> {
  const count = (k: RowKind) => ledger.kinds.filter((x) => x === k).length;
  const counts = {
    rows: ledger.kinds.length,
    headerRows: count("header"),
    titleRows: count("title"),
    sectionRows: count("section"),
    blankRows: count("blank"),
    continuationRows: count("continuation"),
    badRows: count("bad"),
    recommendations: count("recommendation"),
  };
  const parts =
    counts.headerRows + counts.titleRows + counts.sectionRows + counts.blankRows + counts.continuationRows +
    counts.badRows + counts.recommendations;
  if (parts !== counts.rows) throw new Error(`${meta.file}: row kinds add up to ${parts}, not ${counts.rows}`);
  if (ledger.recs.length !== counts.recommendations) {
    throw new Error(`${meta.file}: ${ledger.recs.length} recommendations recorded for ${counts.recommendations} rows`);
  }
  const positions = Object.fromEntries(POSITIONS.map((p) => [p, 0])) as Record<Position, number>;
  const wordings: Record<string, Position> = {};
  const states: Record<string, string[]> = {};
  const themes: Record<string, string[]> = {};
  for (const r of ledger.recs) {
    positions[r.position]++;
    const known = wordings[r.positionRaw];
    if (known !== undefined && known !== r.position) throw new Error(`${meta.file}: "${r.positionRaw}" means two things`);
    wordings[r.positionRaw] = r.position;
    const key = r.id ?? `row-${r.row}`;
    const prevStates = states[key];
    if (prevStates && JSON.stringify(prevStates) !== JSON.stringify(r.states)) {
      throw new Error(`${meta.file}: ${key} appears twice with different States`);
    }
    states[key] = r.states;
    if (r.themes.length > 0) themes[key] = r.themes;
  }
  const withStates = Object.values(states).filter((s) => s.length > 0).length;
  if (withStates < 10) throw new Error(`${meta.file}: only ${withStates} recommendations with States`);
  return {
    file: meta.file,
    format: meta.format,
    layout: meta.layout,
    language: meta.language,
    origin: meta.origin,
    stateUnderReview: meta.stateUnderReview,
    cycle: meta.cycle,
    session: meta.session,
    ...counts,
    ids: ledger.recs.flatMap((r) => (r.id === null ? [] : [r.id])),
    positions,
    positionWordings: wordings,
    recommendingStates: states,
    themes,
    diagnostics: meta.diagnostics,
  };
}

/** JSON with two-space indentation, but arrays of strings and numbers kept on one line. */
function formatJson(value: unknown, indent = ""): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== "object" || v === null)) return `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
    return `[\n${value.map((v) => inner + formatJson(v, inner)).join(",\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`).join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

interface Output {
  meta: Meta;
  /** Path relative to fixtures/. */
  path: string;
  bytes: Uint8Array;
  ledger: Ledger;
}

// ---------------------------------------------------------------------------------------------------------
// Taxonomy labels (UHRI v1 codes as printed in G1 matrices; see DOMAIN-DETAIL §4.2 and taxonomy/uhri-themes.json)
// ---------------------------------------------------------------------------------------------------------

const THEME_EN: Record<string, string> = {
  A12: "Acceptance of international norms",
  A22: "Cooperation with treaty bodies",
  A24: "Cooperation with special procedures",
  A27: "Follow-up to Universal Periodic Review (UPR)",
  A28: "Cooperation with other international mechanisms and institutions",
  A3: "Inter-State cooperation & development assistance",
  A41: "Constitutional and legislative framework",
  A42: "Institutions & policies - General",
  A45: "National Human Rights Institution (NHRI)",
  A46: "National Plans of Action on Human Rights (or specific areas)",
  A47: "Good governance",
  A51: "Human rights education - general",
  A53: "Professional training in human rights",
  A61: "Cooperation with civil society",
  A62: "Statistics and indicators",
  A63: "Budget and resources (for human rights implementation)",
  B11: "International humanitarian law",
  B31: "Equality & non-discrimination",
  B32: "Racial discrimination",
  B52: "Impunity",
  B53: "Support to victims and witnesses",
  B6: "Business & Human Rights",
  B71: "Human rights and the environment",
  B73: "Human rights and climate change",
  B8: "Human rights & counter-terrorism",
  D21: "Right to life",
  D23: "Death penalty",
  D25: "Prohibition of torture and cruel, inhuman or degrading treatment",
  D26: "Conditions of detention",
  D27: "Prohibition of slavery, trafficking",
  D29: "Domestic violence",
  D32: "Enforced disappearances",
  D33: "Arbitrary arrest and detention",
  D42: "Freedom of thought, conscience and religion",
  D43: "Freedom of opinion and expression",
  D44: "Right to peaceful assembly",
  D45: "Freedom of association",
  D46: "Right to private life, privacy",
  D51: "Administration of justice & fair trial",
  D6: "Rights related to name, identity, nationality",
  D7: "Right to participation in public affairs and right to vote",
  D8: "Rights related to marriage & family",
  E1: "Economic, social & cultural rights - general measures of implementation",
  E21: "Right to an adequate standard of living - general",
  E22: "Right to food",
  E23: "Right to adequate housing",
  E24: "Right to social security",
  E25: "Human rights & poverty",
  E26: "Human Rights & drinking water and sanitation",
  E31: "Right to work",
  E32: "Right to just and favourable conditions of work",
  E33: "Trade union rights",
  E41: "Right to health - General",
  E51: "Right to education - General",
  F11: "Advancement of women",
  F12: "Discrimination against women",
  F13: "Violence against women",
  F14: "Participation of women in political and public life",
  F31: "Children: definition; general principles; protection",
  F32: "Children: family environment and alternative care",
  F33: "Children: protection against exploitation",
  F34: "Children: Juvenile justice",
  F41: "Persons with disabilities: definition, general principles",
  F42: "Persons with disabilities: accessibility, mobility",
  F45: "Persons with disabilities: independence, inclusion",
  G1: "Members of minorities",
  G2: "Lesbian, gay, bisexual and transgender and intersex persons (LGBTI)",
  G3: "Indigenous peoples",
  G4: "Migrants",
  G5: "Refugees & asylum seekers",
  G9: "Older persons",
  H1: "Human rights defenders",
  H3: "Persons living with HIV/AIDS",
};

/** The same concepts under the 2024/25 UHRI labels used by G3 matrices and UHRI exports (DOMAIN-DETAIL §4.3). */
const THEME_2025: Record<string, string> = {
  A12: "Ratification of & accession to international instruments",
  A22: "Cooperation & Follow up with Treaty Bodies",
  A24: "Cooperation & Follow up with Special Procedures",
  A27: "Cooperation & follow up with the Universal Periodic Review (UPR)",
  A28: "Cooperation with human rights mechanisms & requests for technical assistance",
  A3: "Inter-State cooperation and assistance",
  A41: "Constitutional & legislative framework",
  A42: "Legal & institutional reform",
  A45: "National Human Rights Institution (NHRI)",
  A46: "National Human Rights Action Plans (or specific areas) / implementation plans",
  A47: "Good governance & corruption",
  A51: "Human rights education, trainings & awareness raising",
  A53: "Human rights education, trainings & awareness raising",
  A61: "Cooperation & consultation with civil society",
  A62: "Data collection & research",
  A63: "Budget & resources (for human rights implementation)",
  B11: "International criminal & humanitarian law (including crimes against humanity, war crimes, genocide)",
  B31: "Equality & non-discrimination",
  B32: "Racial discrimination",
  B52: "Rule of law & impunity",
  B53: "Support to victims & witnesses",
  B6: "Business & Human Rights",
  B71: "Human rights & the environment",
  B73: "Human rights & climate change",
  B8: "Human rights & counter-terrorism",
  D21: "Right to life",
  D23: "Death penalty",
  D25: "Prohibition of torture & ill-treatment (including cruel, inhuman or degrading treatment)",
  D26: "Conditions of detention",
  D27: "Human trafficking & contemporary forms of slavery",
  D29: "Sexual & gender-based violence",
  D32: "Enforced disappearances",
  D33: "Arbitrary arrest & detention",
  D42: "Freedom of thought, conscience & religion",
  D43: "Freedom of opinion and expression & access to information",
  D44: "Right to peaceful assembly",
  D45: "Freedom of association",
  D46: "Right to private life, privacy",
  D51: "Administration of justice & fair trial",
  D6: "Rights related to name, identity & nationality",
  D7: "Right to participate in public affairs & right to vote",
  D8: "Rights related to marriage & family",
  E1: "Economic, social & cultural rights - general measures of implementation",
  E21: "Right to an adequate standard of living",
  E22: "Right to food",
  E23: "Right to adequate housing",
  E24: "Right to social security",
  E25: "Human rights & poverty",
  E26: "Safe drinking water & sanitation",
  E31: "Labour rights and right to work",
  E32: "Labour rights and right to work",
  E33: "Labour rights and right to work",
  E41: "Right to health",
  E51: "Right to education",
  F11: "Advancement of women",
  F12: "Discrimination against women",
  F13: "Violence against women",
  F14: "Participation of women in political & public life",
  F31: "Children: definition; general principles; protection",
  F32: "Children: family environment & alternative care",
  F33: "Children: protection against exploitation",
  F34: "Children: juvenile justice",
  F41: "Persons with disabilities: definition, general principles",
  F42: "Persons with disabilities: accessibility, mobility",
  F45: "Persons with disabilities: independence, inclusion",
  G1: "Members of minorities",
  G2: "Sexual orientation & gender identity",
  G3: "Indigenous peoples",
  G4: "Migrants",
  G5: "Refugees & asylum seekers",
  G9: "Older persons",
  H1: "Human rights defenders",
  H3: "Persons living with HIV/AIDS",
};

/** G1 affected-persons labels (lower case, as in G1 matrices) mapped to 2024/25 "Groups of Persons" labels. */
const PERSONS_2025: Record<string, string | null> = {
  general: null,
  women: "Women & girls",
  girls: "Women & girls",
  children: "Children",
  "persons with disabilities": "Persons with disabilities",
  migrants: "Migrants",
  "persons deprived of their liberty": "Persons deprived of their liberty & detainees",
  "law enforcement / police officials": "Law enforcement / police & prison officials",
  "human rights defenders": "Civil society",
  media: "Media",
  "judges, lawyers and prosecutors": "Judges, lawyers and prosecutors",
  "minorities/ racial, ethnic, linguistic, religious or descent-based groups":
    "Minorities/ racial, ethnic, linguistic, religious or descent-based groups",
  "lesbian, gay, bisexual, transgender and intersex persons (LGBTI)":
    "Lesbian, gay, bisexual and transgender and intersex persons (LGBTI)",
  "persons living in poverty": "Persons living in poverty",
  "persons living in rural areas": "Persons living in poverty",
  "older persons": "Older persons",
  "refugees & asylum seekers": "Refugees & asylum seekers",
  "stateless persons": "Stateless persons",
  "disappeared persons": "Vulnerable persons/groups",
  "persons living with HIV/AIDS": "Vulnerable persons/groups",
};

const SDG_GOALS: Record<string, string> = {
  1: "NO POVERTY",
  2: "ZERO HUNGER",
  3: "GOOD HEALTH AND WELL-BEING",
  4: "QUALITY EDUCATION",
  5: "GENDER EQUALITY",
  6: "CLEAN WATER AND SANITATION",
  7: "AFFORDABLE AND CLEAN ENERGY",
  8: "DECENT WORK AND ECONOMIC GROWTH",
  9: "INDUSTRY, INNOVATION AND INFRASTRUCTURE",
  10: "REDUCED INEQUALITIES",
  11: "SUSTAINABLE CITIES AND COMMUNITIES",
  12: "RESPONSIBLE CONSUMPTION AND PRODUCTION",
  13: "CLIMATE ACTION",
  14: "LIFE BELOW WATER",
  15: "LIFE ON LAND",
  16: "PEACE, JUSTICE AND STRONG INSTITUTIONS",
  17: "PARTNERSHIPS FOR THE GOALS",
};

/** Short SDG target titles in the style of UHRI exports ("16.3 - Promote the rule of law ..."). */
const SDG_TARGETS: Record<string, string> = {
  "1.2": "Reduce poverty by at least 50%",
  "1.3": "Implement social protection systems",
  "1.4": "Equal rights to economic resources",
  "2.1": "Universal access to safe and nutritious food",
  "3.3": "Fight communicable diseases",
  "3.8": "Achieve universal health coverage",
  "4.1": "Free primary and secondary education",
  "4.5": "Eliminate all discrimination in education",
  "4.7": "Education for sustainable development and global citizenship",
  "5.1": "End discrimination against women and girls",
  "5.2": "End all violence against and exploitation of women and girls",
  "5.3": "Eliminate forced marriages and genital mutilation",
  "5.5": "Ensure full participation in leadership and decision-making",
  "5.a": "Equal rights to economic resources, property ownership and financial services",
  "6.1": "Safe and affordable drinking water",
  "8.5": "Full employment and decent work with equal pay",
  "8.7": "End modern slavery, trafficking and child labour",
  "8.8": "Protect labour rights and promote safe working environments",
  "10.2": "Promote universal social, economic and political inclusion",
  "10.3": "Ensure equal opportunities and end discrimination",
  "10.7": "Responsible and well-managed migration policies",
  "11.1": "Safe and affordable housing",
  "11.2": "Affordable and sustainable transport systems",
  "12.6": "Encourage companies to adopt sustainable practices and sustainability reporting",
  "13.1": "Strengthen resilience and adaptive capacity to climate-related disasters",
  "15.1": "Conserve and restore terrestrial and freshwater ecosystems",
  "16.1": "Reduce violence everywhere",
  "16.2": "Protect children from abuse, exploitation, trafficking and violence",
  "16.3": "Promote the rule of law and ensure equal access to justice",
  "16.5": "Substantially reduce corruption and bribery",
  "16.6": "Develop effective, accountable and transparent institutions",
  "16.7": "Ensure responsive, inclusive and representative decision-making",
  "16.9": "Provide universal legal identity",
  "16.10": "Ensure public access to information and protect fundamental freedoms",
  "16.a": "Strengthen national institutions to prevent violence and combat crime and terrorism",
  "16.b": "Promote and enforce non-discriminatory laws and policies",
  "17.2": "Implement all development assistance commitments",
  "17.9": "Enhanced support for capacity-building in developing countries",
  "17.18": "Enhance availability of reliable data",
};

const THEME_SDG: Record<string, string[]> = {
  A12: ["16.a"], A22: ["16.a"], A24: ["16.a"], A27: ["16.a"], A28: ["17.9"], A3: ["17.2"], A41: ["16.b"],
  A42: ["16.6"], A45: ["16.a"], A46: ["16.6"], A47: ["16.5"], A51: ["4.7"], A53: ["16.a"], A61: ["16.7"],
  A62: ["17.18"], A63: ["16.6"], B11: ["16.1"], B31: ["10.3", "16.b"], B32: ["10.3"], B52: ["16.3"],
  B53: ["16.3"], B6: ["8.8", "12.6"], B71: ["15.1"], B73: ["13.1"], B8: ["16.a"], D21: ["16.1"], D23: ["16.1"],
  D25: ["16.3"], D26: ["16.3"], D27: ["8.7", "16.2"], D29: ["5.2"], D32: ["16.1"], D33: ["16.3"], D42: ["16.10"],
  D43: ["16.10"], D44: ["16.10"], D45: ["16.10"], D46: ["16.10"], D51: ["16.3"], D6: ["16.9"], D7: ["16.7"],
  D8: ["5.3"], E1: ["1.4"], E21: ["1.2"], E22: ["2.1"], E23: ["11.1"], E24: ["1.3"], E25: ["1.2"], E26: ["6.1"],
  E31: ["8.5"], E32: ["8.8"], E33: ["8.8"], E41: ["3.8"], E51: ["4.1"], F11: ["5.a"], F12: ["5.1"], F13: ["5.2"],
  F14: ["5.5"], F31: ["16.2"], F32: ["16.2"], F33: ["8.7"], F34: ["16.3"], F41: ["10.2"], F42: ["11.2"],
  F45: ["4.5"], G1: ["10.2"], G2: ["10.3"], G3: ["10.2"], G4: ["10.7"], G5: ["10.7"], G9: ["1.3"],
  H1: ["16.10"], H3: ["3.3"],
};

function sdgTargets(codes: readonly string[]): string[] {
  return unique(codes.flatMap((c) => THEME_SDG[c] ?? []));
}

function sdgGoals(codes: readonly string[]): number[] {
  return unique(sdgTargets(codes).map((t) => Number(t.split(".")[0]))).sort((a, b) => a - b);
}

/** Position of a code in the UHRI thematic order: letter, then level-2 digit, then level-3 digit. */
function themeOrder(code: string): number {
  const letter = code.charCodeAt(0) - 65;
  const d1 = Number(code.charAt(1) || "0");
  const d2 = Number(code.charAt(2) || "0");
  return letter * 100 + d1 * 10 + d2;
}

// ---------------------------------------------------------------------------------------------------------
// Recommendation banks (written for these fixtures)
// ---------------------------------------------------------------------------------------------------------

interface Entry {
  key: string;
  /** UHRI v1 codes; the first is the cluster (primary theme). */
  themes: string[];
  /** Affected persons, in the language of the bank. */
  persons: string[];
  /** Share of these recommendations a State typically notes (0 = always supported). */
  noted: number;
  texts: string[];
}

function entry(key: string, themes: string, persons: string, noted: number, ...texts: string[]): Entry {
  return { key, themes: themes.split(" "), persons: persons.split("|"), noted, texts };
}

const PDL = "persons deprived of their liberty";
const MINORITIES = "minorities/ racial, ethnic, linguistic, religious or descent-based groups";
const LGBTI = "lesbian, gay, bisexual, transgender and intersex persons (LGBTI)";

const EN_BANK: Entry[] = [
  entry("opcat", "A12 D25", PDL, 0.1,
    "Ratify the Optional Protocol to the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
    "Consider ratifying the Optional Protocol to the Convention against Torture and establish an independent national preventive mechanism",
    "Accelerate the ratification of the Optional Protocol to the Convention against Torture"),
  entry("op2", "A12 D23 D21", "general", 0.9,
    "Ratify the Second Optional Protocol to the International Covenant on Civil and Political Rights, aiming at the abolition of the death penalty",
    "Accede to the Second Optional Protocol to the International Covenant on Civil and Political Rights"),
  entry("icped", "A12 D32", "disappeared persons", 0.5,
    "Ratify the International Convention for the Protection of All Persons from Enforced Disappearance",
    "Consider acceding to the International Convention for the Protection of All Persons from Enforced Disappearance"),
  entry("opicescr", "A12 E1", "general", 0.4,
    "Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights",
    "Sign and ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights"),
  entry("icrmw", "A12 G4", "migrants", 0.6,
    "Ratify the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families",
    "Consider ratifying the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families"),
  entry("statelessness", "A12 D6", "stateless persons", 0.3,
    "Accede to the 1954 Convention relating to the Status of Stateless Persons and the 1961 Convention on the Reduction of Statelessness"),
  entry("opic", "A12 F31", "children", 0.2,
    "Ratify the Optional Protocol to the Convention on the Rights of the Child on a communications procedure"),
  entry("ilo189", "A12 E32", "women|migrants", 0.3,
    "Ratify the International Labour Organization Domestic Workers Convention, 2011 (No. 189)"),
  entry("unesco", "A12 E51", "children", 0,
    "Ratify the Convention against Discrimination in Education of the United Nations Educational, Scientific and Cultural Organization"),
  entry("cedawres", "A12 F12", "women", 0.5,
    "Withdraw its remaining reservations to the Convention on the Elimination of All Forms of Discrimination against Women"),
  entry("treatyreports", "A22", "general", 0,
    "Submit its overdue reports to the treaty bodies",
    "Strengthen its cooperation with the treaty bodies, in particular by submitting its overdue periodic reports"),
  entry("standinginv", "A24", "general", 0.4,
    "Extend a standing invitation to all special procedures mandate holders",
    "Respond favourably to the pending requests for visits by special procedures mandate holders"),
  entry("srtorture", "A24 D25", PDL, 0.3,
    "Accept the request for a visit of the Special Rapporteur on torture and other cruel, inhuman or degrading treatment or punishment"),
  entry("nmrf", "A27 A42", "general", 0,
    "Establish a standing national mechanism for reporting and follow-up to coordinate the implementation of recommendations from human rights mechanisms",
    "Strengthen the inter-ministerial committee responsible for following up on the recommendations of the universal periodic review"),
  entry("ohchr", "A28 A3", "general", 0,
    "Continue to cooperate with the Office of the United Nations High Commissioner for Human Rights, including through technical assistance programmes"),
  entry("techassist", "A3", "general", 0,
    "Seek technical and financial assistance from the international community to support the implementation of its human rights obligations"),
  entry("rome", "A41 B11", "general", 0.2,
    "Fully align its national legislation with all obligations under the Rome Statute of the International Criminal Court"),
  entry("crclaw", "A41 F31", "children", 0,
    "Harmonize its national legislation with the Convention on the Rights of the Child and its Optional Protocols",
    "Expedite the adoption of the bill on the rights of the child"),
  entry("nhri", "A45", "general", 0,
    "Provide the national human rights commission with adequate financial and human resources to discharge its mandate effectively",
    "Strengthen the national human rights institution in full compliance with the Paris Principles"),
  entry("nhridetention", "A45 D26", PDL, 0,
    "Ensure that the national human rights institution has unimpeded access to all places of detention"),
  entry("nap", "A46", "general", 0,
    "Adopt and implement a national action plan on human rights with clear indicators and adequate resources",
    "Finalize and adopt the national action plan for human rights"),
  entry("napbhr", "A46 B6", "general", 0.1,
    "Develop a national action plan on business and human rights in line with the Guiding Principles on Business and Human Rights"),
  entry("corruption", "A47 A42", "general", 0,
    "Intensify efforts to combat corruption by strengthening the independence and resources of the anti-corruption agencies",
    "Ensure that public officials suspected of corruption are investigated and prosecuted"),
  entry("hreducation", "A51 E51", "children", 0,
    "Integrate human rights education into school curricula at all levels"),
  entry("trainingpolice", "A53 D25", "law enforcement / police officials", 0,
    "Provide systematic human rights training to police, prison and military personnel, in particular on the absolute prohibition of torture"),
  entry("ngolaw", "A61 D45", "human rights defenders", 0.4,
    "Ensure a safe and enabling environment for civil society organizations, including by reviewing restrictive provisions of the law regulating non-governmental organizations",
    "Amend the legislation on non-governmental organizations to ensure that registration requirements do not unduly restrict their activities"),
  entry("csoupr", "A61 A27", "general", 0,
    "Continue to involve civil society organizations in the follow-up to the universal periodic review"),
  entry("data", "A62 B31", "general", 0,
    "Improve the collection of data disaggregated by sex, age, disability and geographic location to inform public policies"),
  entry("budget", "A63 A46", "general", 0,
    "Allocate sufficient resources to the implementation of the national human rights action plan"),
  entry("antidiscrim", "B31", "general", 0.2,
    "Adopt comprehensive anti-discrimination legislation that prohibits discrimination on all grounds",
    "Strengthen measures to combat all forms of discrimination, in particular against vulnerable groups"),
  entry("hatespeech", "B32 G1", MINORITIES, 0,
    "Combat hate speech and racial discrimination, including by prosecuting incitement to racial hatred"),
  entry("tortureinvest", "B52 D25", `${PDL}|law enforcement / police officials`, 0,
    "Ensure that all allegations of torture and ill-treatment by members of the security forces are promptly and impartially investigated and that perpetrators are brought to justice"),
  entry("ejk", "B52 D21", "general", 0.1,
    "Investigate all cases of extrajudicial killings and ensure that those responsible are held accountable",
    "Establish an independent mechanism to investigate allegations of unlawful killings by the police"),
  entry("victimstrafficking", "B53 D27", "women|children", 0,
    "Provide adequate protection, assistance and rehabilitation services to victims of trafficking"),
  entry("extractive", "B6 B71", "persons living in rural areas", 0.1,
    "Ensure that extractive industries respect human rights and environmental standards, including through prior consultation with affected communities"),
  entry("climate", "B73 E21", "persons living in rural areas", 0,
    "Integrate a human rights-based approach into its climate change adaptation and disaster risk reduction strategies"),
  entry("counterterror", "B8 D51", "general", 0.3,
    "Ensure that counter-terrorism legislation and its application comply with international human rights law"),
  entry("moratorium", "D23 D21", "general", 0.8,
    "Establish an official moratorium on executions with a view to abolishing the death penalty",
    "Abolish the death penalty in law for all crimes",
    "Commute all death sentences to terms of imprisonment"),
  entry("defacto", "D23", "general", 0.1,
    "Maintain the de facto moratorium on the death penalty"),
  entry("torturelaw", "D25 A41", PDL, 0,
    "Adopt a definition of torture in its criminal law that is fully in line with article 1 of the Convention against Torture",
    "Fully implement the law on the prevention and prohibition of torture"),
  entry("prisons", "D26", PDL, 0,
    "Improve conditions of detention, in particular by reducing prison overcrowding and guaranteeing access to health care",
    "Take measures to reduce the use and length of pretrial detention"),
  entry("trafficking", "D27 F33", "women|children", 0,
    "Strengthen measures to combat trafficking in persons, in particular women and children, and prosecute perpetrators",
    "Fully implement the national action plan against trafficking in persons"),
  entry("domviolence", "D29 F13", "women|children", 0,
    "Ensure the effective implementation of the legislation on domestic violence and increase the number of shelters for victims"),
  entry("custody", "D33 D51", PDL, 0,
    "Ensure that all persons arrested are brought before a judge within 48 hours, in accordance with the Constitution"),
  entry("religion", "D42", MINORITIES, 0,
    "Guarantee freedom of religion or belief for all, including members of religious minorities"),
  entry("expression", "D43 H1", "media|human rights defenders", 0.2,
    "Guarantee freedom of expression and of the press and protect journalists from harassment and intimidation",
    "Decriminalize defamation and bring media legislation into line with article 19 of the International Covenant on Civil and Political Rights",
    "Refrain from shutting down the Internet and social media platforms, especially during election periods"),
  entry("assembly", "D44 D45", "human rights defenders", 0.3,
    "Guarantee the rights to freedom of peaceful assembly and association in law and in practice",
    "Ensure that the security forces use force during demonstrations only in accordance with international standards"),
  entry("privacy", "D46", "general", 0.3,
    "Ensure that surveillance and data protection legislation fully respects the right to privacy"),
  entry("judiciary", "D51", "judges, lawyers and prosecutors", 0,
    "Strengthen the independence of the judiciary and allocate adequate resources to the justice sector",
    "Improve access to justice, in particular for persons living in poverty and in rural areas"),
  entry("birthreg", "D6 F31", "children", 0,
    "Ensure free and universal birth registration, in particular in rural areas",
    "Strengthen the civil registration system so that all children are registered immediately after birth"),
  entry("elections", "D7 D43", "general", 0.1,
    "Ensure that the next general elections are free, fair and transparent and that all candidates can campaign freely",
    "Implement the recommendations of the electoral observation missions"),
  entry("childmarriage", "D8 F12", "girls|women", 0.1,
    "Set the minimum age of marriage at 18 years for both women and men",
    "Adopt and enforce legislation prohibiting child, early and forced marriage"),
  entry("devplan", "E1 E25", "general", 0,
    "Continue implementing its national development plan with a focus on reducing poverty and inequality"),
  entry("food", "E22", "persons living in rural areas", 0,
    "Strengthen food security programmes and adopt a framework law on the right to food"),
  entry("evictions", "E23", "persons living in poverty", 0.2,
    "Ensure that forced evictions are carried out only in accordance with international standards and that adequate alternative housing is provided"),
  entry("socialprotection", "E24 E25", "older persons", 0,
    "Extend social protection coverage, including to older persons and to workers in the informal economy"),
  entry("poverty", "E25", "persons living in poverty", 0,
    "Intensify efforts to reduce poverty, in particular in rural areas",
    "Continue its efforts to reduce poverty and improve the living standards of its population"),
  entry("water", "E26", "persons living in rural areas", 0,
    "Improve access to safe drinking water and sanitation, especially in rural areas"),
  entry("minwage", "E32 E31", "women", 0.1,
    "Adopt a minimum wage and strengthen the labour inspectorate"),
  entry("tradeunion", "E33", "general", 0.2,
    "Guarantee trade union rights and the right to collective bargaining"),
  entry("health", "E41", "general", 0,
    "Increase budgetary allocations for the health sector with a view to achieving universal health coverage",
    "Continue to improve access to health-care services, particularly in rural areas"),
  entry("maternal", "E41 F12", "women", 0,
    "Take further measures to reduce maternal and infant mortality"),
  entry("hiv", "E41 H3", "persons living with HIV/AIDS", 0,
    "Strengthen the national response to HIV/AIDS and combat stigma against persons living with HIV"),
  entry("education", "E51", "children", 0,
    "Continue efforts to ensure free and compulsory primary education for all children",
    "Take measures to reduce school dropout rates, in particular among girls"),
  entry("pregnantgirls", "E51 F12", "girls", 0.2,
    "Ensure that pregnant girls and adolescent mothers can continue their education"),
  entry("womenecon", "F11", "women|persons living in rural areas", 0,
    "Continue to promote the economic empowerment of women, in particular in rural areas"),
  entry("familylaw", "F12 A41", "women", 0.4,
    "Repeal all provisions that discriminate against women in family and inheritance law"),
  entry("gbv", "F13 D29", "women|girls", 0,
    "Strengthen efforts to combat sexual and gender-based violence and ensure that perpetrators are prosecuted"),
  entry("fgm", "F13 F31", "women|girls", 0,
    "Enforce the prohibition of female genital mutilation and raise awareness in affected communities"),
  entry("womenpolitics", "F14", "women", 0,
    "Take measures to increase the participation of women in political and public life, including in decision-making positions"),
  entry("corporal", "F31", "children", 0.3,
    "Prohibit corporal punishment of children in all settings"),
  entry("altcare", "F32", "children", 0,
    "Strengthen the alternative care system and promote family-based care for children deprived of parental care"),
  entry("childlabour", "F33 E32", "children", 0,
    "Intensify efforts to eliminate child labour, in particular its worst forms"),
  entry("juvenile", "F34", "children", 0,
    "Establish a juvenile justice system in line with international standards and ensure that children are detained only as a measure of last resort"),
  entry("macr", "F34 D51", "children", 0.2,
    "Raise the minimum age of criminal responsibility in accordance with international standards"),
  entry("crpdlaw", "F41 A41", "persons with disabilities", 0,
    "Harmonize national legislation with the Convention on the Rights of Persons with Disabilities"),
  entry("accessibility", "F42", "persons with disabilities", 0,
    "Improve the accessibility of public buildings and transport for persons with disabilities"),
  entry("inclusiveedu", "F45 E51", "persons with disabilities|children", 0,
    "Promote inclusive education for children with disabilities"),
  entry("minorities", "G1 B32", MINORITIES, 0,
    "Protect the rights of ethnic minorities and ensure their participation in public life"),
  entry("lgbtdecrim", "G2 B31", LGBTI, 1,
    "Decriminalize consensual same-sex relations between adults",
    "Repeal all provisions that criminalize consensual sexual relations between persons of the same sex"),
  entry("lgbtviolence", "G2 D21", LGBTI, 0.7,
    "Protect lesbian, gay, bisexual, transgender and intersex persons from violence and ensure that attacks against them are investigated and prosecuted"),
  entry("indigenous", "G3", MINORITIES, 0.2,
    "Guarantee the right of indigenous peoples to free, prior and informed consultation on projects affecting their lands"),
  entry("migrantworkers", "G4", "migrants", 0,
    "Protect migrant workers against exploitation and abuse"),
  entry("refugees", "G5", "refugees & asylum seekers", 0,
    "Continue to provide protection and assistance to refugees and asylum seekers in line with international standards",
    "Maintain its open-door refugee policy and ensure that refugees have access to education and health services"),
  entry("olderpersons", "G9", "older persons", 0,
    "Adopt a national policy on the rights of older persons"),
  entry("hrdlaw", "H1 D43", "human rights defenders", 0.3,
    "Adopt a law on the protection of human rights defenders",
    "Ensure that human rights defenders and journalists can carry out their work without fear of reprisals"),
  // Country-flavoured entries, used by picks only.
  entry("ug-poma", "D44 D45", "human rights defenders", 0.5,
    "Amend the Public Order Management Act to bring it into line with international standards on freedom of peaceful assembly"),
  entry("ug-ngo", "A61 D45", "human rights defenders", 0.3,
    "Review the Non-Governmental Organizations Act so that its implementation does not restrict the legitimate work of civil society"),
  entry("ug-acg", "A3", "general", 0,
    "Continue to seek the technical support of the international community, particularly for capacity-building in the justice sector"),
  entry("ke-twothirds", "F14 D7", "women", 0,
    "Implement the constitutional principle that not more than two thirds of the members of elective and appointive bodies shall be of the same gender"),
  entry("ke-ipoa", "B52 D21", "general", 0,
    "Strengthen the Independent Policing Oversight Authority so that it can investigate all complaints of killings and abuses by the police"),
  entry("ke-witness", "B53 D51", "general", 0,
    "Provide the Witness Protection Agency with adequate resources to protect victims and witnesses of serious crimes"),
  entry("ke-sexoffences", "F13 D29", "women|girls", 0,
    "Ensure the full implementation of the Sexual Offences Act and train police officers in the handling of complaints of sexual violence"),
  entry("ke-dadaab", "G5", "refugees & asylum seekers", 0.3,
    "Ensure that any return of refugees to their country of origin is voluntary and carried out in safety and dignity"),
  entry("ke-info", "D43", "media", 0,
    "Adopt the access to information bill and ensure its effective implementation"),
  entry("si-roma", "G1 E26", MINORITIES, 0,
    "Ensure that all Roma settlements have access to safe drinking water, sanitation and electricity"),
  entry("si-istanbul", "F13 D29", "women", 0,
    "Continue the effective implementation of the Council of Europe Convention on preventing and combating violence against women and domestic violence"),
  entry("si-ombudsman", "A45", "general", 0,
    "Provide the Human Rights Ombudsman with sufficient resources to carry out its mandate as the national human rights institution"),
];

// French bank (matrix of Senegal, 3rd cycle; French labels assumed, see DOMAIN-DETAIL §2.9).
const THEME_FR: Record<string, string> = {
  A12: "Acceptation des normes internationales",
  A22: "Coopération avec les organes conventionnels",
  A24: "Coopération avec les procédures spéciales",
  A41: "Cadre constitutionnel et législatif",
  A42: "Institutions et politiques – Généralités",
  A45: "Institution nationale des droits de l’homme (INDH)",
  A46: "Plans d’action nationaux relatifs aux droits de l’homme (ou domaines spécifiques)",
  A47: "Bonne gouvernance",
  A53: "Formation professionnelle aux droits de l’homme",
  A61: "Coopération avec la société civile",
  B31: "Égalité et non-discrimination",
  B52: "Impunité",
  B73: "Droits de l’homme et changements climatiques",
  D21: "Droit à la vie",
  D23: "Peine de mort",
  D25: "Interdiction de la torture et des peines ou traitements cruels, inhumains ou dégradants",
  D26: "Conditions de détention",
  D27: "Interdiction de l’esclavage et de la traite",
  D29: "Violence domestique",
  D43: "Liberté d’opinion et d’expression",
  D44: "Droit de réunion pacifique",
  D51: "Administration de la justice et procès équitable",
  D6: "Droits relatifs au nom, à l’identité et à la nationalité",
  D8: "Droits relatifs au mariage et à la famille",
  E1: "Droits économiques, sociaux et culturels – mesures générales d’application",
  E21: "Droit à un niveau de vie suffisant – Généralités",
  E22: "Droit à l’alimentation",
  E25: "Droits de l’homme et pauvreté",
  E26: "Droits de l’homme, eau potable et assainissement",
  E32: "Droit à des conditions de travail justes et favorables",
  E41: "Droit à la santé – Généralités",
  E51: "Droit à l’éducation – Généralités",
  F12: "Discrimination à l’égard des femmes",
  F13: "Violence à l’égard des femmes",
  F14: "Participation des femmes à la vie politique et publique",
  F31: "Enfants : définition ; principes généraux ; protection",
  F33: "Enfants : protection contre l’exploitation",
  F41: "Personnes handicapées : définition, principes généraux",
  G2: "Personnes lesbiennes, gays, bisexuelles, transgenres et intersexes (LGBTI)",
  G5: "Réfugiés et demandeurs d’asile",
  H1: "Défenseurs des droits de l’homme",
};

const FR_BANK: Entry[] = [
  entry("opicescr", "A12 E1", "général", 0.3,
    "Ratifier le Protocole facultatif se rapportant au Pacte international relatif aux droits économiques, sociaux et culturels"),
  entry("op2", "A12 D23", "général", 0.4,
    "Ratifier le deuxième Protocole facultatif se rapportant au Pacte international relatif aux droits civils et politiques, visant à abolir la peine de mort"),
  entry("ilo189", "A12 E32", "femmes|migrants", 0.3,
    "Ratifier la Convention (no 189) de l’Organisation internationale du Travail concernant le travail décent pour les travailleuses et travailleurs domestiques"),
  entry("opic", "A12 F31", "enfants", 0.2,
    "Adhérer au Protocole facultatif à la Convention relative aux droits de l’enfant établissant une procédure de présentation de communications"),
  entry("treatyreports", "A22", "général", 0,
    "Soumettre les rapports attendus aux organes conventionnels"),
  entry("visits", "A24", "général", 0,
    "Donner suite aux demandes de visite en suspens des titulaires de mandat au titre des procédures spéciales"),
  entry("nhri", "A45", "général", 0,
    "Rendre le Comité sénégalais des droits de l’homme pleinement conforme aux Principes de Paris et le doter de ressources suffisantes",
    "Accélérer l’adoption de la loi portant réforme du Comité sénégalais des droits de l’homme"),
  entry("npm", "D26 A42", "personnes privées de liberté", 0,
    "Doter l’Observateur national des lieux de privation de liberté des moyens nécessaires à l’exercice de son mandat"),
  entry("nap", "A46", "général", 0,
    "Adopter un plan d’action national pour les droits de l’homme assorti d’indicateurs et de ressources"),
  entry("training", "A53 D25", "responsables de l’application des lois / police", 0,
    "Renforcer la formation des forces de défense et de sécurité aux droits de l’homme"),
  entry("civilsociety", "A61 H1", "défenseurs des droits de l’homme", 0,
    "Garantir un environnement sûr et favorable aux organisations de la société civile et aux défenseurs des droits de l’homme"),
  entry("familycode", "B31 F12", "femmes", 0.5,
    "Réviser le Code de la famille afin d’éliminer toutes les dispositions discriminatoires à l’égard des femmes, notamment celles relatives à la puissance paternelle"),
  entry("lgbtdecrim", "G2 B31", "personnes lesbiennes, gays, bisexuelles, transgenres et intersexes (LGBTI)", 1,
    "Dépénaliser les relations sexuelles entre adultes consentants de même sexe"),
  entry("lgbtviolence", "G2 D21", "personnes lesbiennes, gays, bisexuelles, transgenres et intersexes (LGBTI)", 0.8,
    "Protéger les personnes lesbiennes, gays, bisexuelles, transgenres et intersexes contre la violence et la discrimination"),
  entry("tortureinvest", "B52 D25", "personnes privées de liberté", 0,
    "Enquêter sur toutes les allégations de torture et de mauvais traitements imputées aux forces de sécurité et traduire les auteurs en justice"),
  entry("torturelaw", "D25 A41", "personnes privées de liberté", 0,
    "Mettre la définition de la torture figurant dans le Code pénal en conformité avec l’article premier de la Convention contre la torture"),
  entry("prisons", "D26", "personnes privées de liberté", 0,
    "Améliorer les conditions de détention et lutter contre la surpopulation carcérale, notamment en recourant davantage aux peines alternatives",
    "Réduire la durée de la détention provisoire"),
  entry("trafficking", "D27 F33", "femmes|enfants", 0,
    "Renforcer la lutte contre la traite des personnes, en particulier des femmes et des enfants"),
  entry("traffickinglaw", "D27", "général", 0,
    "Appliquer effectivement la loi de 2005 relative à la lutte contre la traite des personnes et poursuivre les auteurs"),
  entry("talibes", "F33 E51", "enfants", 0.1,
    "Protéger les enfants talibés contre l’exploitation et la mendicité forcée, notamment en adoptant le projet de loi portant statut des daaras",
    "Appliquer effectivement la législation interdisant la mendicité forcée des enfants et poursuivre les auteurs"),
  entry("fgm", "F13 F31", "femmes|filles", 0,
    "Renforcer les mesures visant à éliminer les mutilations génitales féminines, notamment par des campagnes de sensibilisation"),
  entry("marriageage", "D8 F31", "filles", 0.5,
    "Relever à 18 ans l’âge minimum du mariage pour les filles"),
  entry("rape", "F13 D29", "femmes", 0,
    "Adopter une loi criminalisant le viol et les violences conjugales et garantir l’accès des victimes à la justice"),
  entry("parity", "F14", "femmes", 0,
    "Poursuivre la mise en œuvre de la loi sur la parité absolue homme-femme dans les institutions électives"),
  entry("maternal", "E41 F12", "femmes|personnes vivant en milieu rural", 0,
    "Améliorer l’accès aux services de santé maternelle, en particulier en milieu rural"),
  entry("cmu", "E41", "général", 0,
    "Poursuivre les efforts en vue d’instaurer la couverture maladie universelle"),
  entry("education", "E51", "enfants", 0,
    "Garantir l’accès de tous les enfants à une éducation de base gratuite et de qualité",
    "Prendre des mesures pour réduire l’abandon scolaire des filles"),
  entry("poverty", "E25 E22", "personnes vivant dans la pauvreté", 0,
    "Intensifier la lutte contre la pauvreté et l’insécurité alimentaire, en particulier dans les zones rurales"),
  entry("water", "E26", "personnes vivant en milieu rural", 0,
    "Améliorer l’accès à l’eau potable et à l’assainissement dans les zones rurales"),
  entry("press", "D43 H1", "médias", 0.3,
    "Garantir la liberté d’expression et dépénaliser les délits de presse",
    "Réviser les dispositions du Code pénal relatives à la diffamation afin de les rendre conformes aux normes internationales"),
  entry("assembly", "D44", "défenseurs des droits de l’homme", 0.4,
    "Garantir le droit de réunion pacifique et lever l’interdiction générale des manifestations dans le centre-ville de Dakar"),
  entry("judiciary", "D51", "juges, avocats et procureurs", 0.2,
    "Renforcer l’indépendance de la magistrature, notamment en réformant le Conseil supérieur de la magistrature"),
  entry("disability", "F41 E51", "personnes handicapées", 0,
    "Garantir l’éducation inclusive des enfants handicapés",
    "Mettre pleinement en œuvre la loi d’orientation sociale relative à la promotion et à la protection des droits des personnes handicapées"),
  entry("corporal", "F31", "enfants", 0.3,
    "Interdire expressément les châtiments corporels dans tous les contextes"),
  entry("birthreg", "D6", "enfants", 0,
    "Garantir l’enregistrement gratuit et universel des naissances"),
  entry("refugees", "G5", "réfugiés et demandeurs d’asile", 0,
    "Continuer d’accorder protection et assistance aux réfugiés et aux demandeurs d’asile"),
  entry("climate", "B73 E21", "personnes vivant en milieu rural", 0,
    "Intégrer une approche fondée sur les droits de l’homme dans les politiques d’adaptation aux changements climatiques"),
  entry("corruption", "A47", "général", 0,
    "Renforcer la lutte contre la corruption et garantir l’indépendance de l’Office national de lutte contre la fraude et la corruption"),
  entry("childlabour", "F33 E32", "enfants", 0,
    "Éliminer les pires formes de travail des enfants, notamment dans les sites d’orpaillage"),
  entry("childcode", "A41 F31", "enfants", 0.2,
    "Adopter le projet de code de l’enfant"),
];

// Spanish bank (matrix of Bolivia, 3rd cycle; Spanish labels assumed, see DOMAIN-DETAIL §2.9).
const THEME_ES: Record<string, string> = {
  A12: "Aceptación de las normas internacionales",
  A22: "Cooperación con los órganos de tratados",
  A24: "Cooperación con los procedimientos especiales",
  A41: "Marco constitucional y legislativo",
  A45: "Institución nacional de derechos humanos (INDH)",
  A46: "Planes nacionales de acción de derechos humanos (o áreas específicas)",
  A47: "Buena gobernanza",
  A53: "Capacitación profesional en derechos humanos",
  A61: "Cooperación con la sociedad civil",
  A62: "Estadísticas e indicadores",
  B11: "Derecho internacional humanitario",
  B31: "Igualdad y no discriminación",
  B32: "Discriminación racial",
  B52: "Impunidad",
  B6: "Empresas y derechos humanos",
  B71: "Derechos humanos y medio ambiente",
  B73: "Derechos humanos y cambio climático",
  D21: "Derecho a la vida",
  D25: "Prohibición de la tortura y los tratos crueles, inhumanos o degradantes",
  D26: "Condiciones de detención",
  D27: "Prohibición de la esclavitud y la trata",
  D29: "Violencia doméstica",
  D32: "Desapariciones forzadas",
  D33: "Detención y arresto arbitrarios",
  D43: "Libertad de opinión y de expresión",
  D51: "Administración de justicia y juicio imparcial",
  D6: "Derechos relacionados con el nombre, la identidad y la nacionalidad",
  D8: "Derechos relacionados con el matrimonio y la familia",
  E22: "Derecho a la alimentación",
  E25: "Derechos humanos y pobreza",
  E26: "Derechos humanos, agua potable y saneamiento",
  E32: "Derecho a condiciones de trabajo justas y favorables",
  E41: "Derecho a la salud - General",
  E51: "Derecho a la educación - General",
  F12: "Discriminación contra la mujer",
  F13: "Violencia contra la mujer",
  F14: "Participación de la mujer en la vida política y pública",
  F31: "Niños: definición; principios generales; protección",
  F33: "Niños: protección contra la explotación",
  F41: "Personas con discapacidad: definición, principios generales",
  G2: "Personas lesbianas, gais, bisexuales, transgénero e intersexuales (LGBTI)",
  G3: "Pueblos indígenas",
  G4: "Migrantes",
  H1: "Defensores de los derechos humanos",
};

const ES_BANK: Entry[] = [
  entry("ced", "A12 D32", "personas desaparecidas", 0.3,
    "Reconocer la competencia del Comité contra la Desaparición Forzada para recibir y examinar comunicaciones individuales"),
  entry("ilo190", "A12 E32", "mujeres", 0.2,
    "Ratificar el Convenio sobre la Violencia y el Acoso, 2019 (núm. 190), de la Organización Internacional del Trabajo"),
  entry("opic", "A12 F31", "niños", 0.2,
    "Ratificar el Protocolo Facultativo de la Convención sobre los Derechos del Niño relativo a un procedimiento de comunicaciones"),
  entry("rome", "A41 B11", "general", 0.2,
    "Armonizar plenamente la legislación nacional con el Estatuto de Roma de la Corte Penal Internacional"),
  entry("treatyreports", "A22", "general", 0,
    "Presentar los informes pendientes a los órganos de tratados"),
  entry("visits", "A24", "general", 0,
    "Seguir cooperando con los procedimientos especiales y responder favorablemente a sus solicitudes de visita"),
  entry("ombudsman", "A45", "general", 0,
    "Garantizar la independencia de la Defensoría del Pueblo y dotarla de recursos suficientes, de conformidad con los Principios de París"),
  entry("nap", "A46", "general", 0,
    "Adoptar un plan nacional de acción de derechos humanos con indicadores y presupuesto asignado"),
  entry("training", "A53 D51", "jueces, abogados y fiscales", 0,
    "Impartir capacitación sistemática en derechos humanos a los operadores de justicia y a la policía"),
  entry("data", "A62 F13", "mujeres", 0,
    "Mejorar la recopilación de datos desglosados sobre la violencia contra las mujeres"),
  entry("racism", "B32 B31", "pueblos indígenas", 0,
    "Aplicar efectivamente la Ley contra el Racismo y toda Forma de Discriminación"),
  entry("policeforce", "B52 D25", "general", 0.1,
    "Garantizar que todas las denuncias de uso excesivo de la fuerza por parte de la policía se investiguen de manera pronta e imparcial"),
  entry("judiciary", "D51", "jueces, abogados y fiscales", 0.1,
    "Fortalecer la independencia del poder judicial, en particular en los procesos de selección de magistrados",
    "Garantizar el acceso a la justicia de los pueblos indígenas y de las personas que viven en zonas rurales"),
  entry("pretrial", "D33 D26", "personas privadas de libertad", 0,
    "Reducir el uso excesivo de la detención preventiva"),
  entry("prisons", "D26", "personas privadas de libertad", 0,
    "Mejorar las condiciones de detención y reducir el hacinamiento en los centros penitenciarios"),
  entry("trafficking", "D27 F33", "mujeres|niños", 0,
    "Intensificar la lucha contra la trata de personas, en especial de mujeres, niñas y niños"),
  entry("law348", "F13 D29", "mujeres", 0,
    "Asignar recursos suficientes para la aplicación efectiva de la Ley Integral para Garantizar a las Mujeres una Vida Libre de Violencia (Ley núm. 348)",
    "Reforzar las medidas para prevenir el feminicidio y sancionar a los responsables"),
  entry("politicalwomen", "F14", "mujeres", 0,
    "Seguir promoviendo la participación política de las mujeres y combatir el acoso y la violencia política contra ellas"),
  entry("srh", "E41 F12", "mujeres|niñas", 0.8,
    "Garantizar el acceso a servicios de salud sexual y reproductiva, incluido el aborto legal y seguro"),
  entry("childlabour", "F33 E32", "niños", 0.3,
    "Elevar a 14 años la edad mínima de admisión al empleo y erradicar las peores formas de trabajo infantil"),
  entry("corporal", "F31", "niños", 0.2,
    "Prohibir explícitamente el castigo corporal de los niños en todos los ámbitos"),
  entry("consultation", "G3 B6", "pueblos indígenas", 0.2,
    "Garantizar el derecho de los pueblos indígenas a la consulta previa, libre e informada, en particular respecto de los proyectos extractivos",
    "Adoptar una ley marco de consulta previa conforme a las normas internacionales"),
  entry("isolation", "G3 D21", "pueblos indígenas", 0,
    "Proteger a los pueblos indígenas en situación de aislamiento voluntario y contacto inicial"),
  entry("mining", "B71 G3", "personas que viven en zonas rurales", 0.1,
    "Reforzar la protección del medio ambiente y de los derechos de las comunidades afectadas por la minería"),
  entry("poverty", "E25", "personas que viven en la pobreza", 0,
    "Continuar con sus programas sociales para reducir la pobreza extrema",
    "Seguir aplicando políticas de redistribución de la riqueza para reducir la desigualdad"),
  entry("food", "E22", "personas que viven en zonas rurales", 0,
    "Seguir fortaleciendo las políticas de seguridad y soberanía alimentaria"),
  entry("health", "E41", "general", 0,
    "Avanzar en la implementación del Sistema Único de Salud para garantizar la cobertura universal"),
  entry("education", "E51", "niños|pueblos indígenas", 0,
    "Seguir mejorando la calidad de la educación intercultural bilingüe"),
  entry("journalists", "D43 H1", "medios de comunicación", 0.1,
    "Garantizar la libertad de expresión y proteger a los periodistas frente a amenazas y agresiones"),
  entry("hrd", "H1", "defensores de los derechos humanos", 0.3,
    "Establecer un mecanismo de protección para los defensores de los derechos humanos"),
  entry("ngo", "A61", "defensores de los derechos humanos", 0.5,
    "Garantizar un entorno propicio para las organizaciones de la sociedad civil, revisando la normativa sobre la personalidad jurídica de las organizaciones no gubernamentales"),
  entry("lgbti", "G2 B31", "lesbianas, gais, bisexuales, transgénero e intersexuales (LGBTI)", 0.2,
    "Adoptar medidas para combatir la discriminación por motivos de orientación sexual e identidad de género"),
  entry("disability", "F41", "personas con discapacidad", 0,
    "Armonizar la legislación nacional con la Convención sobre los Derechos de las Personas con Discapacidad"),
  entry("corruption", "A47", "general", 0,
    "Redoblar los esfuerzos de lucha contra la corrupción en la administración pública"),
  entry("birthreg", "D6", "niños", 0,
    "Garantizar el registro universal y gratuito de nacimientos, especialmente en las zonas rurales"),
  entry("migrants", "G4", "migrantes", 0,
    "Proteger los derechos de los migrantes, en particular de los niños migrantes no acompañados"),
  entry("climate", "B73", "personas que viven en zonas rurales", 0,
    "Incorporar un enfoque de derechos humanos en las políticas de cambio climático y de gestión del riesgo de desastres"),
  entry("water", "E26", "personas que viven en zonas rurales", 0,
    "Ampliar el acceso al agua potable y al saneamiento en las zonas rurales"),
  entry("marriage", "D8 F12", "niñas", 0.3,
    "Establecer en 18 años la edad mínima para contraer matrimonio, sin excepciones"),
];

function bankEntry(bank: readonly Entry[], key: string): Entry {
  const e = bank.find((x) => x.key === key);
  if (!e) throw new Error(`no bank entry ${key}`);
  return e;
}

// Recommending States, as UPR reports print them.
const EN_STATES = [
  "Algeria", "Angola", "Argentina", "Armenia", "Australia", "Austria", "Azerbaijan", "Bangladesh", "Belarus",
  "Belgium", "Bhutan", "Botswana", "Brazil", "Bulgaria", "Burkina Faso", "Canada", "Chad", "Chile", "China",
  "Colombia", "Costa Rica", "Côte d’Ivoire", "Croatia", "Cuba", "Cyprus", "Denmark", "Djibouti", "Ecuador",
  "Egypt", "Estonia", "Ethiopia", "Finland", "France", "Gabon", "Georgia", "Germany", "Ghana", "Greece",
  "Guatemala", "Holy See", "Honduras", "Hungary", "Iceland", "India", "Indonesia", "Iran (Islamic Republic of)",
  "Iraq", "Ireland", "Italy", "Japan", "Kazakhstan", "Kuwait", "Latvia", "Lesotho", "Lithuania", "Luxembourg",
  "Madagascar", "Malawi", "Malaysia", "Maldives", "Mali", "Malta", "Mauritius", "Mexico", "Montenegro",
  "Morocco", "Mozambique", "Namibia", "Nepal", "Netherlands", "New Zealand", "Niger", "Nigeria", "Norway",
  "Oman", "Pakistan", "Panama", "Paraguay", "Peru", "Philippines", "Poland", "Portugal", "Qatar",
  "Republic of Korea", "Republic of Moldova", "Romania", "Russian Federation", "Rwanda", "Saudi Arabia",
  "Senegal", "Serbia", "Sierra Leone", "Singapore", "Slovakia", "Slovenia", "South Africa", "South Sudan",
  "Spain", "Sri Lanka", "Sudan", "Sweden", "Switzerland", "Thailand", "Timor-Leste", "Togo", "Tunisia",
  "Ukraine", "United Arab Emirates", "United Kingdom of Great Britain and Northern Ireland",
  "United Republic of Tanzania", "United States of America", "Uruguay", "Venezuela (Bolivarian Republic of)",
  "Viet Nam", "Zambia", "Zimbabwe",
];

const FR_STATES = [
  "Afrique du Sud", "Algérie", "Allemagne", "Argentine", "Australie", "Belgique", "Bénin", "Botswana", "Brésil",
  "Burkina Faso", "Cameroun", "Canada", "Chili", "Chine", "Costa Rica", "Côte d’Ivoire", "Danemark", "Djibouti",
  "Égypte", "Espagne", "États-Unis d’Amérique", "Fédération de Russie", "France", "Gabon", "Ghana", "Haïti",
  "Inde", "Iran (République islamique d’)", "Irlande", "Islande", "Italie", "Japon", "Luxembourg", "Madagascar",
  "Mali", "Maroc", "Maurice", "Mexique", "Monténégro", "Namibie", "Niger", "Norvège", "Pays-Bas", "Portugal",
  "République de Corée", "Royaume-Uni de Grande-Bretagne et d’Irlande du Nord", "Rwanda", "Saint-Siège",
  "Sierra Leone", "Slovénie", "Suède", "Suisse", "Tchad", "Togo", "Tunisie", "Uruguay",
  "Venezuela (République bolivarienne du)",
];

const ES_STATES = [
  "Alemania", "Angola", "Argelia", "Argentina", "Australia", "Bélgica", "Brasil", "Canadá", "Chile", "China",
  "Colombia", "Costa Rica", "Cuba", "Ecuador", "Egipto", "El Salvador", "Eslovenia", "España",
  "Estados Unidos de América", "Federación de Rusia", "Filipinas", "Francia", "Ghana", "Guatemala", "Haití",
  "Honduras", "India", "Indonesia", "Irán (República Islámica del)", "Irlanda", "Islandia", "Italia", "Japón",
  "Marruecos", "México", "Nicaragua", "Nigeria", "Noruega", "Nueva Zelandia", "Países Bajos", "Panamá",
  "Paraguay", "Perú", "Portugal", "Reino Unido de Gran Bretaña e Irlanda del Norte", "República de Corea",
  "Santa Sede", "Senegal", "Sudáfrica", "Suecia", "Suiza", "Tailandia", "Timor-Leste", "Túnez", "Turquía",
  "Uruguay", "Venezuela (República Bolivariana de)",
];

// ---------------------------------------------------------------------------------------------------------
// Planning a list of recommendations (shared by the matrix writers)
// ---------------------------------------------------------------------------------------------------------

interface Part {
  text: string;
  states: string[];
}

interface Rec {
  entry: Entry;
  /** Item number in the WG report (after the paragraph number). */
  n: number;
  id: string;
  /** The id as written in the file (e.g. with a trailing dot). */
  idRaw: string;
  /** What separates the id from the text: a space, or a non-breaking space. */
  afterId: string;
  parts: Part[];
  style: "separate" | "comma";
  onBehalf?: string;
  position: Position;
  positionRaw: string;
  /** The last recommendation of the WG report ends with "." instead of ";". */
  last: boolean;
}

interface Pick {
  key: string;
  /** Which phrasing of the entry; by default the entries' phrasings are used in turn. */
  text?: number;
  parts?: Part[];
  states?: string[];
  style?: "separate" | "comma";
  onBehalf?: string;
  position?: Position;
  positionRaw?: string;
}

interface Wordings {
  supported: readonly string[];
  noted: readonly string[];
  partial: readonly string[];
}

function planRecs(opts: {
  bank: readonly Entry[];
  picks: readonly (string | Pick)[];
  para: number;
  rng: Rng;
  states: readonly string[];
  wordings: Wordings;
}): Rec[] {
  const { rng } = opts;
  const used = new Map<string, number>();
  const counters = { supported: 0, noted: 0, partial: 0 };
  const numbers = shuffle(rng, opts.picks.map((_, i) => i + 1));
  const recs = opts.picks.map((p, i): Rec => {
    const pk: Pick = typeof p === "string" ? { key: p } : p;
    const e = bankEntry(opts.bank, pk.key);
    const turn = used.get(e.key) ?? 0;
    used.set(e.key, turn + 1);
    const text = at(e.texts, (pk.text ?? turn) % e.texts.length);
    let parts = pk.parts;
    if (!parts) {
      const r = rng();
      const howMany = r < 0.8 ? 1 : r < 0.95 ? 2 : 3;
      parts = [{ text, states: pk.states ?? pickDistinct(rng, opts.states, howMany) }];
    }
    const position: Position = pk.position ?? (rng() < e.noted ? "noted" : "supported");
    let positionRaw = pk.positionRaw;
    if (positionRaw === undefined) {
      const list =
        position === "noted" ? opts.wordings.noted : position === "supported" ? opts.wordings.supported : opts.wordings.partial;
      const k = position === "noted" ? counters.noted++ : position === "supported" ? counters.supported++ : counters.partial++;
      positionRaw = at(list, k % list.length);
    }
    const n = at(numbers, i);
    const rec: Rec = {
      entry: e, n, id: `${opts.para}.${n}`, idRaw: `${opts.para}.${n}`, afterId: " ", parts,
      style: pk.style ?? "separate", position, positionRaw, last: n === opts.picks.length,
    };
    if (pk.onBehalf !== undefined) rec.onBehalf = pk.onBehalf;
    return rec;
  });
  return recs;
}

function statesOf(r: Rec): string[] {
  return unique(r.parts.flatMap((p) => p.states));
}

function statesText(r: Rec, p: Part): string {
  if (r.onBehalf) return `(${p.states.join(", ")}, ${r.onBehalf})`;
  return r.style === "comma" ? `(${p.states.join(", ")})` : p.states.map((s) => `(${s})`).join(" ");
}

/** The recommendation as the WG report prints it, without its id. */
function recText(r: Rec): string {
  return r.parts.map((p) => `${p.text} ${statesText(r, p)}`).join("; ") + (r.last ? "." : ";");
}

/** Matrix order: supported (and partly supported) first, then noted; clusters in taxonomy order; rows unsorted. */
function matrixOrder(recs: readonly Rec[], rng: Rng, cluster: (r: Rec) => string): Rec[] {
  const block = (r: Rec) => (r.position === "noted" ? 1 : 0);
  const tie = new Map(recs.map((r) => [r, rng()]));
  return [...recs].sort(
    (a, b) =>
      block(a) - block(b) ||
      themeOrder(cluster(a)) - themeOrder(cluster(b)) ||
      (tie.get(a) ?? 0) - (tie.get(b) ?? 0),
  );
}

/** Splits a paragraph into runs at word boundaries, the way Word leaves text after editing. */
function splitRuns(rng: Rng, text: string): string[] {
  if (rng() < 0.55) return [text];
  const cuts = unique([0.3 + rng() * 0.2, 0.65 + rng() * 0.25].map((f) => text.indexOf(" ", Math.floor(text.length * f))))
    .filter((c) => c > 0)
    .sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const c of cuts) {
    out.push(text.slice(from, c));
    from = c;
  }
  out.push(text.slice(from));
  return out.filter((s) => s.length > 0);
}

// ---------------------------------------------------------------------------------------------------------
// DOCX building blocks
// ---------------------------------------------------------------------------------------------------------

interface RunSpec {
  text?: string;
  bold?: boolean;
  italics?: boolean;
  sup?: boolean;
  tab?: boolean;
  field?: "page" | "pages";
}

type ParaSpec = RunSpec[];

function paragraph(runs: ParaSpec, size: number): Paragraph {
  return new Paragraph({
    spacing: { before: 40, after: 40 },
    children: runs.map((r) => {
      if (r.tab) return new TextRun({ children: [new Tab()], size });
      if (r.field) return new TextRun({ children: [r.field === "page" ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES], size });
      return new TextRun({ text: r.text ?? "", bold: r.bold, italics: r.italics, superScript: r.sup, size });
    }),
  });
}

interface CellSpec {
  paras: ParaSpec[];
  width: number;
  span?: number;
  shade?: string;
  vMerge?: "restart" | "continue";
  size?: number;
}

interface RowSpec {
  cells: CellSpec[];
  header?: boolean;
}

const DOTTED = { style: BorderStyle.DOTTED, size: 4, color: "auto" } as const;

function buildTable(grid: readonly number[], rows: readonly RowSpec[]): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: grid.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...grid],
    borders: {
      top: DOTTED, bottom: DOTTED, left: DOTTED, right: DOTTED, insideHorizontal: DOTTED, insideVertical: DOTTED,
    },
    rows: rows.map(
      (row) =>
        new TableRow({
          tableHeader: row.header === true ? true : undefined,
          cantSplit: true,
          children: row.cells.map(
            (c) =>
              new TableCell({
                width: { size: c.width, type: WidthType.DXA },
                columnSpan: c.span,
                shading: c.shade ? { fill: c.shade, type: ShadingType.CLEAR, color: "auto" } : undefined,
                verticalMerge:
                  c.vMerge === "restart" ? VerticalMergeType.RESTART : c.vMerge === "continue" ? VerticalMergeType.CONTINUE : undefined,
                children: c.paras.length === 0 ? [new Paragraph({})] : c.paras.map((p) => paragraph(p, c.size ?? 20)),
              }),
          ),
        }),
    ),
  });
}

async function buildDocx(opts: {
  title: string;
  language: string;
  header: ParaSpec;
  footer?: ParaSpec;
  grid: readonly number[];
  rows: readonly RowSpec[];
}): Promise<Uint8Array> {
  const doc = new Document({
    creator: "upr-matrix fixtures",
    lastModifiedBy: "upr-matrix fixtures",
    title: opts.title,
    description: "Synthetic test fixture generated by upr-matrix scripts/make-fixtures.ts; recommendation texts are invented.",
    styles: { default: { document: { run: { font: "Times New Roman", size: 20, language: { value: opts.language } } } } },
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height for landscape pages: this is A4 landscape.
            size: { width: 11907, height: 16840, orientation: PageOrientation.LANDSCAPE },
            margin: { top: 720, right: 720, bottom: 720, left: 720, header: 1134, footer: 1701 },
          },
        },
        headers: { default: new Header({ children: [paragraph(opts.header, 28)] }) },
        ...(opts.footer ? { footers: { default: new Footer({ children: [paragraph(opts.footer, 16)] }) } } : {}),
        children: [buildTable(opts.grid, opts.rows)],
      },
    ],
  });
  return normalizeZip(new Uint8Array(await Packer.toBuffer(doc)));
}

// ---------------------------------------------------------------------------------------------------------
// OHCHR thematic matrix, layout G1 (Word): English, French, and the bundled sample
// ---------------------------------------------------------------------------------------------------------

interface G1Lang {
  headers: readonly [string, string, string, string];
  themePrefix: string;
  sourceLabel: string;
  personsLabel: string;
  themeLabels: Readonly<Record<string, string>>;
}

const G1_EN: G1Lang = {
  headers: ["Recommendation", "Position", "Full list of themes", "Assessment/comments on level of implementation"],
  themePrefix: "Theme: ",
  sourceLabel: "Source of position:",
  personsLabel: "Affected persons:",
  themeLabels: THEME_EN,
};

// French typography: Word's French autocorrect puts a non-breaking space before ":".
const G1_FR: G1Lang = {
  headers: ["Recommandation", "Position", "Liste complète des thèmes", "Évaluation/commentaires sur le niveau de mise en œuvre"],
  themePrefix: `Thème${NBSP}: `,
  sourceLabel: `Source de la position${NBSP}:`,
  personsLabel: `Personnes concernées${NBSP}:`,
  themeLabels: THEME_FR,
};

const G1_GRID = [4520, 1100, 5000, 4600] as const;

interface G1Options {
  name: string;
  lang: G1Lang;
  langTag: string;
  title: string;
  header: ParaSpec;
  recs: readonly Rec[];
  rng: Rng;
  source: (r: Rec) => string;
  /** Themes-cell lines that end with a stray NBSP, as some OHCHR files have ("... public life\u00a0"). */
  nbspThemeLine?: (r: Rec) => boolean;
}

async function writeG1(o: G1Options): Promise<{ bytes: Uint8Array; ledger: Ledger }> {
  const ledger = new Ledger();
  const rows: RowSpec[] = [];
  rows.push({
    header: true,
    cells: o.lang.headers.map((h, i) => ({ width: at(G1_GRID, i), paras: [[{ text: h, bold: true }]] })),
  });
  ledger.row("header");
  let current = "";
  for (const r of o.recs) {
    const cluster = at(r.entry.themes, 0);
    if (cluster !== current || rows.length === 1) {
      current = cluster;
      rows.push({
        cells: [{
          width: G1_GRID.reduce((a, b) => a + b, 0), span: 4, shade: "DBE5F1", size: 28,
          paras: [[
            { text: o.lang.themePrefix, bold: true, italics: true },
            { text: `${cluster} ${lookup(o.lang.themeLabels, cluster, "theme label")}`, bold: true, italics: true },
          ]],
        }],
      });
      ledger.row("section");
    }
    const first = `${r.idRaw}${r.afterId}${recText(r)}`;
    const themeLines: ParaSpec[] = r.entry.themes.map((c) => {
      const line = `${c} ${lookup(o.lang.themeLabels, c, "theme label")}`;
      return [{ text: o.nbspThemeLine?.(r) && c === r.entry.themes.at(-1) ? line + NBSP : line }];
    });
    rows.push({
      cells: [
        {
          width: at(G1_GRID, 0),
          paras: [
            splitRuns(o.rng, first).map((t) => ({ text: t })),
            [{ text: o.lang.sourceLabel, bold: true }, { text: ` ${o.source(r)}` }],
          ],
        },
        { width: at(G1_GRID, 1), paras: [[{ text: r.positionRaw }]] },
        {
          width: at(G1_GRID, 2), size: 16,
          paras: [...themeLines, [{ text: o.lang.personsLabel, bold: true }], ...r.entry.persons.map((p) => [{ text: `- ${p}` }])],
        },
        { width: at(G1_GRID, 3), paras: [[], []] },
      ],
    });
    ledger.rec({ id: r.id, positionRaw: r.positionRaw, position: r.position, states: statesOf(r), themes: unique(r.entry.themes) });
  }
  const bytes = await buildDocx({ title: o.title, language: o.langTag, header: o.header, grid: G1_GRID, rows });
  return { bytes, ledger };
}

function titleRuns(parts: readonly (string | [string, "sup"] | "tab" | "page" | "pages")[]): ParaSpec {
  return parts.map((p): RunSpec => {
    if (p === "tab") return { tab: true };
    if (p === "page") return { field: "page" };
    if (p === "pages") return { field: "pages" };
    if (typeof p === "string") return { text: p };
    return { text: p[0], sup: true };
  });
}

const EN_WORDINGS: Wordings = { supported: ["Supported"], noted: ["Noted"], partial: ["Supported/Noted"] };

async function fixtureG1Uganda(): Promise<Output> {
  const rng = rngFor("ohchr-g1-en");
  const picks: (string | Pick)[] = [
    "opcat",
    {
      key: "opcat",
      parts: [
        { text: "Complete the process of ratifying the Optional Protocol to the Convention against Torture", states: ["Ukraine"] },
        { text: "Increase efforts to establish an independent national preventive mechanism against torture", states: ["Slovakia"] },
      ],
      position: "supported",
    },
    { key: "op2", states: ["France", "Germany"], position: "noted" },
    { key: "op2", text: 1, states: ["Portugal"], position: "noted" },
    { key: "icped", states: ["Argentina"], position: "supported" },
    { key: "icped", text: 1, states: ["Sierra Leone"], position: "noted" },
    { key: "opic", states: ["Côte d’Ivoire"], position: "supported" },
    { key: "icrmw", states: ["Philippines"], position: "noted" },
    { key: "statelessness", states: ["Portugal", "Slovakia"], style: "comma", position: "supported" },
    "ilo189",
    { key: "opicescr", states: ["Venezuela (Bolivarian Republic of)"], position: "partially-supported", positionRaw: "Supported/Noted" },
    "treatyreports",
    { key: "standinginv", states: ["Latvia"], position: "noted" },
    "standinginv",
    "nmrf",
    { key: "ug-acg", onBehalf: "on behalf of the Group of African States", states: ["Ghana"], style: "comma", position: "supported" },
    "crclaw",
    "nhri",
    "nhri",
    "nap",
    "corruption",
    "trainingpolice",
    { key: "ug-ngo", position: "partially-supported", positionRaw: "- Supported/Noted" },
    "antidiscrim",
    { key: "lgbtdecrim", states: ["Canada", "Iceland"], position: "noted" },
    "lgbtdecrim",
    "tortureinvest",
    "ejk",
    { key: "moratorium", position: "noted" },
    { key: "moratorium", position: "noted" },
    { key: "moratorium", position: "noted" },
    { key: "defacto", position: "supported" },
    "torturelaw",
    "prisons",
    "prisons",
    "trafficking",
    "domviolence",
    "custody",
    "expression",
    "expression",
    { key: "ug-poma", position: "noted" },
    "judiciary",
    "birthreg",
    { key: "childmarriage", states: ["Sierra\u00a0Leone"], position: "supported" },
    "poverty",
    "health",
    "maternal",
    "hiv",
    "education",
    { key: "pregnantgirls", position: "supported" },
    "gbv",
    "fgm",
    "womenpolitics",
    "childlabour",
    "inclusiveedu",
    "refugees",
    "refugees",
    "hrdlaw",
  ];
  const recs = planRecs({ bank: EN_BANK, picks, para: 117, rng, states: EN_STATES, wordings: EN_WORDINGS });
  // Details the real files have: ids with a trailing dot (China 2013 writes "186.28."), NBSP after an id.
  for (const r of recs) {
    if ([3, 14, 28, 41, 52].includes(r.n)) r.idRaw = `${r.id}.`;
    if ([9, 33].includes(r.n)) r.afterId = NBSP;
  }
  const ordered = matrixOrder(recs, rng, (r) => at(r.entry.themes, 0));
  const clusters = ordered.map((r) => at(r.entry.themes, 0));
  const runs = clusters.filter((c, i) => i === 0 || clusters[i - 1] !== c);
  if (runs.length === new Set(runs).size) throw new Error("G1: no theme appears twice");
  const { bytes, ledger } = await writeG1({
    name: "ohchr-g1-en", lang: G1_EN, langTag: "en-GB", rng,
    title: "UPR of Uganda (2nd Cycle – 26th session) Thematic list of recommendations",
    header: titleRuns([
      "UPR of ", "Uganda", " ", "(", "2", ["nd", "sup"], " ", "Cycle –", " ", "26", ["th", "sup"], " ", "session)",
      "tab", "tab", "Thematic list of recommendations ", "tab", "Page ", "page", " of ", "pages",
    ]),
    recs: ordered,
    source: (r) => `A/HRC/34/10/Add.1 - Para. ${r.position === "supported" ? 3 : r.position === "noted" ? 5 : 4}`,
    nbspThemeLine: (r) => r.entry.key === "womenpolitics",
  });
  return {
    path: "ohchr-g1-en.docx", bytes, ledger,
    meta: {
      file: "ohchr-g1-en.docx", format: "docx", layout: "ohchr-matrix", language: "en",
      origin:
        "G1 OHCHR thematic list (DOMAIN-DETAIL §2.2-2.7; corpus UPR20 Slovenia, China 2013): page-header title split across runs, repeated header row, shaded gridSpan=4 theme rows repeated for the noted block, unsorted ids, trailing-dot ids, NBSP, several/comma/nested/on-behalf States, a two-part merged item, Supported/Noted and '- Supported/Noted', empty assessment column.",
      stateUnderReview: "Uganda", cycle: 2, session: 26, diagnostics: [],
    },
  };
}

async function fixtureG1French(): Promise<Output> {
  const rng = rngFor("ohchr-fr");
  const wordings: Wordings = {
    supported: ["Soutenue", "Soutenue", "Acceptée", "Soutenue", "Soutenue"],
    noted: ["Notée", "Prise en note", "Notée"],
    partial: ["Soutenue en partie"],
  };
  const picks: (string | Pick)[] = [
    "opicescr", { key: "op2", states: ["France", "Allemagne"], position: "noted" }, "ilo189", "opic",
    "treatyreports", "visits", "nhri", { key: "nhri", text: 1, states: ["Côte d’Ivoire"], position: "supported" }, "npm", "nap",
    "training", "civilsociety", { key: "familycode", position: "partially-supported" }, { key: "lgbtdecrim", position: "noted" },
    { key: "lgbtdecrim", states: ["Islande"], position: "noted" }, "lgbtviolence", "tortureinvest", "torturelaw", "prisons",
    "prisons", "trafficking", "traffickinglaw", "talibes", "talibes", { key: "talibes", states: ["Luxembourg", "Belgique"], position: "supported" },
    "fgm", { key: "marriageage", position: "partially-supported" }, "rape", "parity", "maternal", "cmu", "education",
    "education", "poverty", "water", "press", "press", { key: "assembly", position: "noted" }, "judiciary", "disability",
    "disability", "corporal", "birthreg", "refugees", "climate", "corruption", "childlabour", "childcode",
  ];
  const recs = planRecs({ bank: FR_BANK, picks, para: 143, rng, states: FR_STATES, wordings });
  const ordered = matrixOrder(recs, rng, (r) => at(r.entry.themes, 0));
  const { bytes, ledger } = await writeG1({
    name: "ohchr-fr", lang: G1_FR, langTag: "fr-FR", rng,
    title: "EPU du Sénégal (3e cycle – 31e session) Liste thématique des recommandations",
    header: titleRuns([
      "EPU du ", "Sénégal", " ", "(", "3", ["e", "sup"], " cycle –", " ", "31", ["e", "sup"], " session)",
      "tab", "tab", "Liste thématique des recommandations", "tab", "Page ", "page", " sur ", "pages",
    ]),
    recs: ordered,
    source: (r) => `A/HRC/40/5/Add.1 - Para. ${r.position === "noted" ? 5 : r.position === "supported" ? 3 : 4}`,
  });
  return {
    path: "ohchr-fr.docx", bytes, ledger,
    meta: {
      file: "ohchr-fr.docx", format: "docx", layout: "ohchr-matrix", language: "fr",
      origin:
        "G1 thematic list in French with the candidate labels of DOMAIN-DETAIL §2.9 (unverified): French headers, 'Thème :' rows, 'Source de la position :' and 'Personnes concernées :' with NBSP before the colon, positions Soutenue/Acceptée/Notée/Prise en note/Soutenue en partie, French State names with typographic apostrophes.",
      stateUnderReview: "Sénégal", cycle: 3, session: 31, diagnostics: [],
    },
  };
}

async function fixtureSample(): Promise<Output> {
  const rng = rngFor("sample/ohchr-matrix-en");
  // About 180 recommendations in about 40 clusters: ratification, justice, women and children recommendations
  // come several times from different States, as in real reports.
  const times: Record<string, number> = {
    opcat: 5, op2: 3, icped: 4, opicescr: 2, icrmw: 2, statelessness: 1, opic: 2, ilo189: 1, cedawres: 1,
    treatyreports: 3, standinginv: 3, srtorture: 1, nmrf: 2, techassist: 2, crclaw: 3, rome: 1, nhri: 5, nap: 3,
    corruption: 5, trainingpolice: 3, ngolaw: 2, csoupr: 1, antidiscrim: 3, tortureinvest: 3, ejk: 5, "ke-ipoa": 2,
    "ke-witness": 2, victimstrafficking: 1, moratorium: 5, torturelaw: 2, prisons: 4, trafficking: 5, expression: 6,
    "ke-info": 2, assembly: 3, judiciary: 5, birthreg: 3, childmarriage: 3, poverty: 5, health: 5, maternal: 3, hiv: 2,
    education: 5, pregnantgirls: 2, gbv: 6, fgm: 4, "ke-sexoffences": 3, womenpolitics: 2, "ke-twothirds": 3,
    corporal: 2, childlabour: 3, crpdlaw: 2, inclusiveedu: 2, lgbtdecrim: 4, lgbtviolence: 2, refugees: 5,
    "ke-dadaab": 2, hrdlaw: 5,
  };
  const picks: (string | Pick)[] = [];
  for (const [key, n] of Object.entries(times)) for (let i = 0; i < n; i++) picks.push(key);
  // Three partly supported items, as the US cycle-3 list has them.
  picks.push({ key: "familylaw", position: "partially-supported" });
  picks.push({ key: "evictions", position: "partially-supported" });
  picks.push({ key: "ngolaw", position: "partially-supported" });
  const recs = planRecs({ bank: EN_BANK, picks, para: 142, rng, states: EN_STATES, wordings: EN_WORDINGS });
  const ordered = matrixOrder(recs, rng, (r) => at(r.entry.themes, 0));
  const { bytes, ledger } = await writeG1({
    name: "sample/ohchr-matrix-en", lang: G1_EN, langTag: "en-GB", rng,
    title: "UPR of Kenya (2nd Cycle – 21st session) Thematic list of recommendations",
    header: titleRuns([
      "UPR of ", "Kenya", " ", "(", "2", ["nd", "sup"], " ", "Cycle –", " ", "21", ["st", "sup"], " ", "session)",
      "tab", "tab", "Thematic list of recommendations ", "tab", "Page ", "page", " of ", "pages",
    ]),
    recs: ordered,
    source: (r) => `A/HRC/29/10/Add.1 - Para. ${r.position === "supported" ? 3 : r.position === "noted" ? 5 : 4}`,
  });
  return {
    path: "sample/ohchr-matrix-en.docx", bytes, ledger,
    meta: {
      file: "ohchr-matrix-en.docx", format: "docx", layout: "ohchr-matrix", language: "en",
      origin:
        "Full-size G1 OHCHR thematic list (DOMAIN-DETAIL §2.2-2.4, corpus China_2018/UPR20 Slovenia) for the README demo: one table, clusters in taxonomy order with supported first and noted after, about 80% supported, coded themes and affected persons; clean.",
      stateUnderReview: "Kenya", cycle: 2, session: 21, diagnostics: [],
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// OHCHR thematic matrix, layout G3 (4th cycle, Word)
// ---------------------------------------------------------------------------------------------------------

function persons2025(r: Rec): string[] {
  const out = unique(r.entry.persons.map((p) => PERSONS_2025[p]).filter((p): p is string => typeof p === "string"));
  return out.length > 0 ? out : ["Public officials"];
}

function themes2025(codes: readonly string[]): string[] {
  return unique(codes.map((c) => lookup(THEME_2025, c, "2025 label")));
}

async function fixtureG3(): Promise<Output> {
  const rng = rngFor("ohchr-g3-en");
  const states4 = [...EN_STATES.filter((s) => s !== "Slovenia"), "Türkiye", "Czechia", "North Macedonia"];
  const picks: (string | Pick)[] = [
    { key: "opcat", states: ["Türkiye"], position: "supported" }, "icped", { key: "opicescr", states: ["Luxembourg", "Gabon"] },
    { key: "icrmw", position: "noted" }, { key: "icrmw", text: 1, states: ["Türkiye"], position: "noted" }, "statelessness",
    "ilo189", "treatyreports", "nmrf", "si-ombudsman", "nap", "napbhr", "data", "antidiscrim", "antidiscrim",
    "hatespeech", { key: "hatespeech", states: ["Venezuela (Bolivarian Republic of)"], position: "supported" },
    "tortureinvest", "climate", "prisons", "trafficking", "trafficking", "si-istanbul", "domviolence",
    { key: "expression", position: "supported" }, { key: "privacy", position: "noted" }, "judiciary", "elections",
    "socialprotection", "evictions", "si-roma", "si-roma", "health", "education", "gbv", "womenpolitics", "corporal",
    "crpdlaw", "inclusiveedu", "accessibility", "minorities", { key: "minorities", states: ["Türkiye", "Hungary"], position: "supported" },
    "migrantworkers", "refugees", { key: "lgbtviolence", position: "supported" }, "hrdlaw",
  ];
  const recs = planRecs({ bank: EN_BANK, picks, para: 140, rng, states: states4, wordings: EN_WORDINGS });
  const cluster = (r: Rec) => lookup(THEME_2025, at(r.entry.themes, 0), "2025 label");
  const ordered = matrixOrder(recs, rng, (r) => at(r.entry.themes, 0));
  // One position cell merged vertically over two consecutive supported rows of the same cluster.
  let mergeAt = -1;
  for (let i = 0; i + 1 < ordered.length && mergeAt < 0; i++) {
    const a = at(ordered, i);
    const b = at(ordered, i + 1);
    if (i > 4 && a.position === "supported" && b.position === "supported" && cluster(a) === cluster(b)) mergeAt = i;
  }
  if (mergeAt < 0) throw new Error("G3: no pair of rows to merge");
  const grid = [800, 4220, 1600, 4700, 3900] as const;
  const recWidth = at(grid, 0) + at(grid, 1);
  const total = grid.reduce((a, b) => a + b, 0);
  const ledger = new Ledger();
  const rows: RowSpec[] = [{
    header: true,
    cells: [
      { width: recWidth, span: 2, paras: [[{ text: "Recommendation and recommending State", bold: true }]] },
      { width: at(grid, 2), paras: [[{ text: "Position of the State under review", bold: true }]] },
      { width: at(grid, 3), paras: [[{ text: "Human rights themes and groups of persons", bold: true }]] },
      { width: at(grid, 4), paras: [[{ text: "Relevant SDGs", bold: true }]] },
    ],
  }];
  ledger.row("header");
  let current = "";
  ordered.forEach((r, i) => {
    if (cluster(r) !== current) {
      current = cluster(r);
      rows.push({ cells: [{ width: total, span: 5, shade: "C6D9F1", size: 24, paras: [[{ text: "Theme: ", bold: true }, { text: current, bold: true }]] }] });
      ledger.row("section");
    }
    // Add.1 of the 4th cycle: para 3 accepted, para 4 accepted and already implemented, para 5 noted.
    const para = r.position === "noted" ? "5" : r.n % 4 === 0 ? "4" : "3";
    const source = r.n === 17 ? "A/HRC/59/15/Add.1 - Para.3vv" : `A/HRC/59/15/Add.1 - Para.${para}`;
    const labels = themes2025(r.entry.themes);
    const vMerge = i === mergeAt ? "restart" : i === mergeAt + 1 ? "continue" : undefined;
    rows.push({
      cells: [
        {
          width: recWidth, span: 2,
          paras: [splitRuns(rng, `${r.idRaw} ${recText(r)}`).map((t) => ({ text: t })), [{ text: "Source of Position:", bold: true }, { text: ` ${source}` }]],
        },
        { width: at(grid, 2), paras: vMerge === "continue" ? [] : [[{ text: r.positionRaw }]], ...(vMerge ? { vMerge } : {}) },
        {
          width: at(grid, 3), size: 16,
          paras: [...labels.map((l) => [{ text: `- ${l}` }]), [{ text: "Groups of Persons: ", bold: true }], ...persons2025(r).map((p) => [{ text: `- ${p}` }])],
        },
        { width: at(grid, 4), size: 16, paras: sdgGoals(r.entry.themes).map((g) => [{ text: `- ${g} - ${lookup(SDG_GOALS, String(g), "SDG")}` }]) },
      ],
    });
    ledger.rec({ id: r.id, positionRaw: r.positionRaw, position: r.position, states: statesOf(r), themes: labels });
  });
  const bytes = await buildDocx({
    title: "UPR of Slovenia (4th Cycle - 48th Session) Thematic list of recommendations",
    language: "en-GB",
    header: titleRuns(["UPR of ", "Slovenia", " ", "(", "4", ["th", "sup"], " Cycle - ", "48", ["th", "sup"], " Session)", "tab", "Thematic list of recommendations", "*"]),
    footer: [{ text: "* For related recommendations of the treaty bodies and special procedures, see the Universal Human Rights Index (https://uhri.ohchr.org)." }],
    grid, rows,
  });
  return {
    path: "ohchr-g3-en.docx", bytes, ledger,
    meta: {
      file: "ohchr-g3-en.docx", format: "docx", layout: "ohchr-matrix", language: "en",
      origin:
        "G3 4th-cycle thematic list (DOMAIN-DETAIL §2.2, §3, S3 Slovenia UPR48): G3 headers with the first header cell spanning two of five grid columns, 'Theme:' rows with 2024/25 labels (gridSpan=5, fill C6D9F1), '- label' themes then 'Groups of Persons:', SDG goals column, 'Source of Position: ... - Para.4' (and the real 'Para.3vv' typo), Türkiye, and a position cell merged vertically (vMerge) over two rows.",
      stateUnderReview: "Slovenia", cycle: 4, session: 48, diagnostics: [],
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// XLSX helpers
// ---------------------------------------------------------------------------------------------------------

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "upr-matrix fixtures";
  wb.lastModifiedBy = "upr-matrix fixtures";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  return normalizeZip(new Uint8Array(buf));
}

const THIN = { style: "thin" } as const;
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: "top" };

function fill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

// ---------------------------------------------------------------------------------------------------------
// ohchr-es.xlsx: the thematic matrix in Spanish, as an Excel sheet
// ---------------------------------------------------------------------------------------------------------

const ES_WORDINGS: Wordings = {
  supported: ["Apoyada", "Apoyada", "Aceptada", "Apoyada"],
  noted: ["Se toma nota", "Anotada", "Se toma nota"],
  partial: ["Apoyada parcialmente"],
};

function planBolivia(): Rec[] {
  const rng = rngFor("bolivia-3rd-cycle");
  const picks: (string | Pick)[] = [
    "ced", "ilo190", "opic", "rome", "treatyreports", "visits", "ombudsman", "nap", "training", "data", "racism",
    "policeforce", "judiciary", { key: "judiciary", states: ["Venezuela (República Bolivariana de)"], position: "supported" }, "pretrial", "prisons",
    "trafficking", "law348", "law348", { key: "politicalwomen", states: ["Chile", "Uruguay"] }, { key: "srh", position: "noted" },
    { key: "srh", states: ["Islandia", "Países Bajos"], position: "noted" }, { key: "childlabour", position: "partially-supported" },
    "corporal", "consultation", "consultation", "isolation", "mining", "poverty", "poverty", "food", "health",
    "education", "journalists", "hrd", { key: "ngo", position: "noted" }, "lgbti", "disability", "corruption", "birthreg", "migrants",
    "climate", "water", "marriage",
  ];
  return planRecs({ bank: ES_BANK, picks, para: 115, rng, states: ES_STATES, wordings: ES_WORDINGS });
}

async function fixtureOhchrEs(): Promise<Output> {
  const rng = rngFor("ohchr-es");
  const recs = matrixOrder(planBolivia(), rng, (r) => at(r.entry.themes, 0));
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Recomendaciones", { pageSetup: { orientation: "landscape", paperSize: 9 } });
  ws.columns = [{ width: 70 }, { width: 16 }, { width: 55 }, { width: 45 }];
  const ledger = new Ledger();
  const title = (text: string, size: number) => {
    const r = ledger.row("title");
    ws.getCell(`A${r}`).value = text;
    ws.getCell(`A${r}`).font = { bold: true, size };
    ws.getCell(`A${r}`).alignment = { horizontal: "center" };
    ws.mergeCells(`A${r}:D${r}`);
  };
  title("EPU de Bolivia (Estado Plurinacional de) (3er ciclo – 34º período de sesiones)", 14);
  title("Lista temática de recomendaciones", 12);
  const h = ledger.row("header");
  ["Recomendación", "Posición", "Lista completa de temas", "Evaluación/comentarios sobre el nivel de aplicación"].forEach((text, i) => {
    const c = ws.getRow(h).getCell(i + 1);
    c.value = text;
    c.font = { bold: true };
    c.border = BOX;
    c.alignment = WRAP;
  });
  let current = "";
  for (const r of recs) {
    const code = at(r.entry.themes, 0);
    if (code !== current) {
      current = code;
      const s = ledger.row("section");
      const c = ws.getCell(`A${s}`);
      c.value = `Tema: ${code} ${lookup(THEME_ES, code, "Spanish label")}`;
      c.font = { bold: true, italic: true };
      c.fill = fill("FFDBE5F1");
      ws.mergeCells(`A${s}:D${s}`);
    }
    const para = r.position === "noted" ? 5 : r.position === "supported" ? 3 : 4;
    const row = ws.getRow(ledger.rec({ id: r.id, positionRaw: r.positionRaw, position: r.position, states: statesOf(r), themes: unique(r.entry.themes) }));
    row.getCell(1).value = `${r.idRaw} ${recText(r)}\nFuente de la posición: A/HRC/43/7/Add.1 - Párr. ${para}`;
    row.getCell(2).value = r.positionRaw;
    row.getCell(3).value = [
      ...r.entry.themes.map((c) => `${c} ${lookup(THEME_ES, c, "Spanish label")}`),
      "Personas afectadas:",
      ...r.entry.persons.map((p) => `- ${p}`),
    ].join("\n");
    for (let i = 1; i <= 4; i++) {
      row.getCell(i).alignment = WRAP;
      row.getCell(i).border = BOX;
    }
  }
  const help = wb.addWorksheet("Instrucciones");
  help.columns = [{ width: 110 }];
  [
    "Instrucciones para completar la matriz",
    "Esta lista temática agrupa las recomendaciones recibidas por el Estado Plurinacional de Bolivia durante su tercer examen periódico universal.",
    "Las recomendaciones apoyadas figuran en primer lugar, seguidas de aquellas de las que se ha tomado nota.",
    "Utilice la última columna para evaluar el nivel de aplicación de cada recomendación e indique las fuentes consultadas.",
    "No modifique el texto de las recomendaciones ni el orden de las filas.",
  ].forEach((t, i) => {
    help.getCell(`A${i + 1}`).value = t;
    if (i === 0) help.getCell("A1").font = { bold: true };
  });
  return {
    path: "ohchr-es.xlsx", bytes: await xlsxBytes(wb), ledger,
    meta: {
      file: "ohchr-es.xlsx", format: "xlsx", layout: "ohchr-matrix", language: "es",
      origin:
        "G1 thematic list in Spanish saved as an Excel sheet (candidate labels of DOMAIN-DETAIL §2.9, unverified): two merged title rows, Spanish headers, 'Tema:' rows merged A:D, multi-line wrapped cells holding id, text and 'Fuente de la posición', themes then 'Personas afectadas:', positions Apoyada/Aceptada/Se toma nota/Anotada/Apoyada parcialmente; a second 'Instrucciones' sheet of prose (not counted in rows).",
      stateUnderReview: "Bolivia (Estado Plurinacional de)", cycle: 3, session: 34, diagnostics: [],
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// ohchr-en.xlsx: theme as a column, two-level merged header, a recommendation split over two rows
// ---------------------------------------------------------------------------------------------------------

async function fixtureOhchrEnXlsx(): Promise<Output> {
  const rng = rngFor("ohchr-en-xlsx");
  const picks: (string | Pick)[] = [
    "opcat", "icped", "opic", "unesco", "treatyreports", "standinginv", "nhri", "nap", "hreducation", "data",
    "antidiscrim", "hatespeech", "tortureinvest", "extractive", { key: "moratorium", position: "noted" },
    { key: "defacto", position: "supported" }, "prisons", "trafficking", "domviolence", "religion",
    "expression", { key: "assembly", position: "noted" }, "judiciary", "birthreg", "poverty", "water", "health",
    "education",
    {
      key: "gbv", position: "supported",
      parts: [{
        text: "Take all necessary measures to prevent and combat violence against women, including by adopting a comprehensive law on gender-based violence and ensuring adequate funding for shelters",
        states: ["Spain"],
      }],
    },
    "womenpolitics", "altcare", "crpdlaw",
    { key: "lgbtdecrim", position: "noted" }, "refugees",
  ];
  const recs = planRecs({ bank: EN_BANK, picks, para: 121, rng, states: EN_STATES, wordings: EN_WORDINGS });
  const ordered = matrixOrder(recs, rng, (r) => at(r.entry.themes, 0));
  const splitKey = "gbv";
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Thematic list");
  ws.columns = [{ width: 34 }, { width: 80 }, { width: 13 }, { width: 22 }, { width: 45 }];
  const ledger = new Ledger();
  ledger.row("header");
  ledger.row("header");
  const head = (ref: string, text: string) => {
    const c = ws.getCell(ref);
    c.value = text;
    c.font = { bold: true };
    c.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    c.fill = fill("FFD9D9D9");
    c.border = BOX;
  };
  head("A1", "Theme");
  head("B1", "Recommendation");
  head("C1", "Position");
  head("D1", "Assessment/comments on level of implementation");
  head("D2", "Level of implementation");
  head("E2", "Comments");
  ws.mergeCells("A1:A2");
  ws.mergeCells("B1:B2");
  ws.mergeCells("C1:C2");
  ws.mergeCells("D1:E1");
  const levels = ["Fully implemented", "Partially implemented", "Not implemented", "", "", ""];
  // The theme cell is merged down each cluster; the noted block starts new clusters, as theme rows would.
  let groupStart = 0;
  let current = "";
  const closeGroup = (end: number) => {
    if (groupStart > 0 && end > groupStart) ws.mergeCells(`A${groupStart}:A${end}`);
  };
  for (const r of ordered) {
    const code = at(r.entry.themes, 0);
    const group = `${r.position === "noted" ? "noted" : "supported"} ${code}`;
    const n = ledger.rec({ id: r.id, positionRaw: r.positionRaw, position: r.position, states: statesOf(r), themes: [code] });
    if (group !== current) {
      closeGroup(n - 1);
      current = group;
      groupStart = n;
      ws.getCell(`A${n}`).value = `${code} ${lookup(THEME_EN, code, "theme label")}`;
    }
    const text = `${r.idRaw} ${recText(r)}`;
    ws.getCell(`C${n}`).value = r.positionRaw;
    if (r.entry.key === splitKey) {
      // The recommendation runs over two rows: the second has no id and no position.
      const cut = text.indexOf(" including by ") + " including by".length;
      if (cut < 20) throw new Error("split text has no cut point");
      ws.getCell(`B${n}`).value = text.slice(0, cut);
      const c = ledger.row("continuation");
      ws.getCell(`B${c}`).value = text.slice(cut + 1);
      for (const col of ["A", "B", "C", "D", "E"]) {
        ws.getCell(`${col}${c}`).border = BOX;
        ws.getCell(`${col}${c}`).alignment = WRAP;
      }
    } else {
      ws.getCell(`B${n}`).value = text;
      const level = pick(rng, levels);
      if (level) ws.getCell(`D${n}`).value = level;
      if (level === "Partially implemented") ws.getCell(`E${n}`).value = "Bill before Parliament; see national report, para. 34.";
    }
    for (const col of ["A", "B", "C", "D", "E"]) {
      ws.getCell(`${col}${n}`).border = BOX;
      ws.getCell(`${col}${n}`).alignment = WRAP;
    }
  }
  closeGroup(ledger.kinds.length);
  if (ledger.kinds.filter((k) => k === "continuation").length !== 1) throw new Error("ohchr-en.xlsx: split row missing");
  return {
    path: "ohchr-en.xlsx", bytes: await xlsxBytes(wb), ledger,
    meta: {
      file: "ohchr-en.xlsx", format: "xlsx", layout: "ohchr-matrix", language: "en",
      origin:
        "An OHCHR matrix copied into Excel (variants in DOMAIN.md 'Variants seen in the wild', DOMAIN-DETAIL §2.2 merged headers): two-level header with cells merged over A1:A2, B1:B2, C1:C2 and D1:E1, the theme in its own first column (merged down each cluster) instead of theme rows, and one recommendation whose text continues on the next row without id or position.",
      stateUnderReview: null, cycle: null, session: null, diagnostics: ["split-recommendation"],
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// UHRI export (xlsx and csv)
// ---------------------------------------------------------------------------------------------------------

interface UhriSur {
  name: string;
  session: number;
  symbol: string;
  para: number;
  published: [number, number, number];
}

const UHRI_HEADERS = [
  "Text", "UPR Session", "Countries Concerned", "Reccomending Body", "Document Symbol", "UPR Reccomending States",
  "UPR Position", "Themes", "Affected Persons", "Sdgs", "Document Publication Date", "OHCHR Annotation Id",
] as const;

interface UhriRow {
  values: string[];
  serial: number;
  iso: string;
}

function uuidFrom(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16));
  hex[12] = "4";
  hex[16] = (8 + Math.floor(rng() * 4)).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function planUhri(): { rows: UhriRow[]; ledger: Ledger } {
  const rng = rngFor("uhri-export");
  const surs: UhriSur[] = [
    { name: "Slovenia", session: 34, symbol: "A/HRC/43/15", para: 122, published: [2019, 12, 17] },
    { name: "Paraguay", session: 38, symbol: "A/HRC/48/9", para: 110, published: [2021, 7, 12] },
    { name: "Namibia", session: 38, symbol: "A/HRC/48/4", para: 125, published: [2021, 7, 7] },
    { name: "Denmark", session: 38, symbol: "A/HRC/48/10", para: 136, published: [2021, 7, 13] },
  ];
  const perSur: (string | Pick)[][] = [
    ["icped", "antidiscrim", "hatespeech", "si-roma", "si-istanbul", "data", "prisons", "minorities", { key: "refugees", states: ["Chile", "Uruguay"] }, "accessibility"],
    ["opcat", "judiciary", "custody", "trafficking", "childlabour", "indigenous", "indigenous", "poverty", "gbv", { key: "education", states: ["Türkiye"] }],
    ["op2", "nhri", "corruption", "gbv", "maternal", "hiv", { key: "lgbtdecrim", position: "noted" }, "water", "food", "corporal"],
    ["opicescr", "icrmw", "hatespeech", "migrantworkers", "refugees", "domviolence", "privacy", "napbhr", "climate", "minorities"],
  ];
  const ledger = new Ledger();
  ledger.row("header");
  const rows: UhriRow[] = [];
  const withoutId = new Set([7, 19, 33]);
  surs.forEach((sur, s) => {
    const recs = planRecs({
      bank: EN_BANK, picks: at(perSur, s), para: sur.para, rng,
      states: [...EN_STATES.filter((x) => x !== sur.name), "Türkiye"], wordings: { supported: ["- Supported"], noted: ["- Noted"], partial: ["- Supported/Noted"] },
    });
    recs.sort((a, b) => a.n - b.n);
    for (const r of recs) {
      const rowNumber = ledger.kinds.length + 1;
      const hasId = !withoutId.has(rowNumber);
      const states = statesOf(r);
      const labels = themes2025(r.entry.themes);
      const persons = unique(r.entry.persons.map((p) => PERSONS_2025[p]).filter((p): p is string => typeof p === "string"));
      const [y, m, d] = sur.published;
      rows.push({
        values: [
          hasId ? `${r.id} ${recText(r)}` : recText(r),
          `- ${sur.session}th Session`,
          `- ${sur.name}`,
          "- UPR",
          sur.symbol,
          states.map((x) => `- ${x}`).join("\n"),
          r.positionRaw,
          labels.map((x) => `- ${x}`).join("\n"),
          persons.map((x) => `- ${x}`).join("\n"),
          sdgTargets(r.entry.themes).map((t) => `- ${t} - ${lookup(SDG_TARGETS, t, "SDG target")}`).join("\n"),
          "",
          uuidFrom(rng),
        ],
        serial: excelSerial(y, m, d),
        iso: `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
      });
      ledger.rec({ id: hasId ? r.id : null, positionRaw: r.positionRaw, position: r.position, states, themes: labels });
    }
  });
  return { rows, ledger };
}

const UHRI_ORIGIN_DETAILS =
  "one row per recommendation, the real export's column names with their sic spellings (Reccomending), '- ' bullets and line breaks inside multi-value cells, paragraph id at the start of Text for all but three rows, four States under review";

async function fixtureUhriXlsx(): Promise<Output> {
  const { rows, ledger } = planUhri();
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Export");
  ws.addRow([...UHRI_HEADERS]);
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow(r.values);
    row.getCell(11).value = r.serial; // an Excel serial with no date format, as UHRI exports it
  }
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 80 : 24;
  });
  return {
    path: "uhri-export.xlsx", bytes: await xlsxBytes(wb), ledger,
    meta: {
      file: "uhri-export.xlsx", format: "xlsx", layout: "uhri-export", language: "en",
      origin: `UHRI 'Export to Excel' (DOMAIN-DETAIL §10 S4/RCC uhri.py): ${UHRI_ORIGIN_DETAILS}; Document Publication Date as a bare Excel serial number.`,
      stateUnderReview: null, cycle: null, session: null, diagnostics: [],
    },
  };
}

async function fixtureUhriCsv(): Promise<Output> {
  const { rows, ledger } = planUhri();
  const table = [[...UHRI_HEADERS], ...rows.map((r) => r.values.map((v, i) => (i === 10 ? r.iso : v)))];
  return {
    path: "uhri-export.csv", bytes: encodeUtf8Bom(toDelimited(table, ",", "\r\n", true)), ledger,
    meta: {
      file: "uhri-export.csv", format: "csv", layout: "uhri-export", language: "en",
      origin: `The same UHRI export saved as 'CSV UTF-8' (DOMAIN-DETAIL §10 S4): UTF-8 with BOM, comma-delimited, CRLF records, quoted multi-line cells with LF inside; ${UHRI_ORIGIN_DETAILS}; dates as ISO text.`,
      stateUnderReview: null, cycle: null, session: null, diagnostics: [],
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// UPR Info database export (CSV, MacRoman, bare CR)
// ---------------------------------------------------------------------------------------------------------

const UPR_INFO_GROUPS: Record<string, [string, string]> = {
  Algeria: ["Africa", "AU, OIC, AL"], Angola: ["Africa", "AU"], Australia: ["WEOG", "PIF, Commonwealth"],
  Belgium: ["WEOG", "EU, OIF"], Benin: ["Africa", "AU, OIC, OIF"], Brazil: ["GRULAC", "OAS, OEI"],
  "Burkina Faso": ["Africa", "AU, OIC, OIF"], Canada: ["WEOG", "OAS, OIF, Commonwealth"], Chile: ["GRULAC", "OAS, OEI"],
  China: ["Asia", ""], "Côte d'Ivoire": ["Africa", "AU, OIC, OIF"], Cuba: ["GRULAC", "OAS, OEI, ACS"], France: ["WEOG", "EU, OIF"],
  Germany: ["WEOG", "EU"], Ghana: ["Africa", "AU, OIF, Commonwealth"], "Holy See": ["Observer", ""],
  India: ["Asia", "Commonwealth"], Indonesia: ["Asia", "ASEAN, OIC"], Mexico: ["GRULAC", "OAS, OEI, ACS"],
  Morocco: ["Africa", "OIC, AL, OIF"], Netherlands: ["WEOG", "EU"], Norway: ["WEOG", ""], Philippines: ["Asia", "ASEAN"],
  Portugal: ["WEOG", "EU, OEI"], Senegal: ["Africa", "AU, OIC, OIF"], "Sierra Leone": ["Africa", "AU, OIC, Commonwealth"],
  Slovenia: ["EEG", "EU"], Spain: ["WEOG", "EU, OEI"], Sweden: ["WEOG", "EU"], Switzerland: ["WEOG", "OIF"],
  Thailand: ["Asia", "ASEAN"], Togo: ["Africa", "AU, OIC, OIF"], Tunisia: ["Africa", "AU, OIC, AL, OIF"],
  Uruguay: ["GRULAC", "OAS, OEI"], "São Tomé & Príncipe": ["Africa", "AU, OIF"],
};

const ISSUE_OF: Record<string, string> = {
  A12: "International instruments", A22: "Treaty bodies", A24: "Special procedures", A27: "UPR process",
  A28: "Technical assistance and cooperation", A3: "Technical assistance and cooperation", A41: "General",
  A42: "General", A45: "NHRI", A46: "National plan of action", A47: "Corruption", A51: "Human rights education and training",
  A53: "Human rights education and training", A61: "Civil society", A62: "General", A63: "General",
  B11: "International humanitarian law", B31: "Other", B32: "Racial discrimination", B52: "Impunity", B53: "Justice",
  B6: "Business and human rights", B71: "Environment", B73: "Environment", B8: "Counter-terrorism",
  D21: "Extrajudicial executions", D23: "Death penalty", D25: "Torture and other CID treatment", D26: "Detention",
  D27: "Trafficking", D29: "Women's rights", D32: "Enforced disappearances", D33: "Detention",
  D42: "Freedom of religion and belief", D43: "Freedom of opinion and expression",
  D44: "Freedom of association and peaceful assembly", D45: "Freedom of association and peaceful assembly",
  D46: "Other", D51: "Justice", D6: "Rights of the Child", D7: "Elections", D8: "Women's rights",
  E1: "ESC rights -general", E21: "Poverty", E22: "Right to food", E23: "Right to housing", E24: "ESC rights -general",
  E25: "Poverty", E26: "Right to water", E31: "Labour", E32: "Labour", E33: "Labour", E41: "Right to health",
  E51: "Right to education", F11: "Women's rights", F12: "Women's rights", F13: "Women's rights", F14: "Women's rights",
  F31: "Rights of the Child", F32: "Rights of the Child", F33: "Rights of the Child", F34: "Rights of the Child",
  F41: "Disabilities", F42: "Disabilities", F45: "Disabilities", G1: "Minorities", G2: "Sexual Orientation and Gender Identity",
  G3: "Indigenous peoples", G4: "Migrants", G5: "Asylum-seekers - refugees", G9: "Other", H1: "Human rights defenders",
  H3: "HIV - Aids",
};

/** UPR Info's action category from the first verb (DOMAIN.md, DOMAIN-DETAIL §5.2). */
function actionCategory(text: string): number {
  const first = text.split(" ")[0]?.toLowerCase() ?? "";
  if (["continue", "maintain", "pursue"].includes(first)) return 2;
  if (["consider", "explore", "envisage", "study"].includes(first)) return 3;
  if (["seek", "request", "share"].includes(first)) return 1;
  if (["ratify", "accede", "adopt", "abolish", "establish", "repeal", "decriminalize", "amend", "extend", "submit",
    "set", "raise", "prohibit", "withdraw", "commute", "sign", "accept", "implement", "fully", "finalize", "expedite",
    "accelerate", "complete", "enforce", "harmonize", "investigate", "develop"].includes(first)) return 5;
  return 4;
}

async function fixtureUprInfo(): Promise<Output> {
  const rng = rngFor("upr-info");
  const recommenders = Object.keys(UPR_INFO_GROUPS).filter((s) => s !== "São Tomé & Príncipe");
  const surs: { name: string; session: number; picks: (string | Pick)[] }[] = [
    {
      name: "Senegal", session: 17,
      picks: ["opcat", "icrmw", "nhri", "prisons", "trafficking", "fgm", { key: "childmarriage", states: ["Côte d'Ivoire", "Sierra Leone"] },
        { key: "lgbtdecrim", states: ["Netherlands", "Spain", "Sweden"], position: "noted" }, "education", "childlabour", "poverty",
        { key: "childlabour", parts: [{ text: "Protect talibé children from exploitation and forced begging in Koranic schools", states: ["Belgium"] }] }],
    },
    {
      name: "Côte d'Ivoire", session: 19,
      picks: ["op2", "treatyreports", "ejk", { key: "tortureinvest", states: ["France", "Belgium"] }, "judiciary", "birthreg",
        { key: "nhri", parts: [{ text: "Provide the Commission nationale des droits de l'homme de Côte d'Ivoire with the resources it needs to fulfil its mandate", states: ["Togo"] }] },
        { key: "statelessness", states: ["Brazil", "Portugal", "Uruguay"] }, "gbv", "hrdlaw", "refugees"],
    },
    {
      name: "São Tomé & Príncipe", session: 23,
      picks: ["opcat", "icped", "techassist", { key: "nhri", states: ["Portugal", "Morocco"] }, "domviolence", "maternal", "education",
        "water", { key: "corporal", states: ["Sweden"] }, { key: "lgbtviolence", states: ["Canada"], position: "noted" }],
    },
  ];
  const ledger = new Ledger();
  ledger.row("header");
  const table: string[][] = [["To", "To-Rgrp", "To-Org", "Text", "From", "From-Rgrp", "From-Org", "Response", "Action", "Issue", "Session"]];
  for (const sur of surs) {
    const recs = planRecs({
      bank: EN_BANK, picks: sur.picks, para: 1, rng,
      states: recommenders.filter((s) => s !== sur.name), wordings: { supported: ["Accepted"], noted: ["Noted"], partial: ["Accepted"] },
    });
    const [toGrp, toOrg] = UPR_INFO_GROUPS[sur.name] ?? ["", ""];
    for (const r of recs) {
      // UPR Info has one row per recommending State, no paragraph id, no States in the text.
      const text = at(r.parts, 0).text;
      const issues = unique(r.entry.themes.map((c) => lookup(ISSUE_OF, c, "UPR Info issue"))).join(",");
      for (const from of statesOf(r)) {
        const [fromGrp, fromOrg] = UPR_INFO_GROUPS[from] ?? ["", ""];
        table.push([sur.name, toGrp, toOrg, text, from, fromGrp, fromOrg, r.positionRaw, String(actionCategory(text)), issues, String(sur.session)]);
        ledger.rec({ id: null, positionRaw: r.positionRaw, position: r.position, states: [from], themes: issues.split(",") });
      }
    }
  }
  return {
    path: "upr-info.csv", bytes: encodeMacRoman(toDelimited(table, ",", "\r", false)), ledger,
    meta: {
      file: "upr-info.csv", format: "csv", layout: "upr-info", language: "en",
      origin:
        "UPR Info database export as in corpus upr-info/uprinfo_sessions_*.csv: the 11-column header, records ending with a bare CR and none after the last, MacRoman bytes for accented names and words (Côte d'Ivoire, São Tomé & Príncipe, talibé), one row per recommending State, issues comma-separated in one quoted field (the 'themes' key holds these Issue labels), Accepted/Noted, no paragraph ids.",
      stateUnderReview: null, cycle: null, session: null, diagnostics: [],
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// user-sheet-fr.xlsx: a messy home-made French tracking sheet
// ---------------------------------------------------------------------------------------------------------

function homeThemeFr(code: string): string {
  const g = code.slice(0, 2);
  if (g === "A1") return "Instruments internationaux";
  if (g === "A2") return "Coopération avec les mécanismes";
  if (code.startsWith("A")) return "Cadre institutionnel";
  if (code.startsWith("B")) return "Égalité et non-discrimination";
  if (["D4", "H1"].includes(g)) return "Libertés publiques";
  if (["D6", "D7", "D8"].includes(g)) return "Droits civils";
  if (code.startsWith("D")) return "Justice et détention";
  if (code.startsWith("E")) return "Droits économiques et sociaux";
  if (g === "F1") return "Droits des femmes";
  if (g === "F3") return "Droits de l’enfant";
  if (g === "F4") return "Personnes handicapées";
  return "Groupes vulnérables";
}

const FR_INSTITUTIONS: Record<string, string> = {
  A: "Ministère des Affaires étrangères",
  B: "Ministère de la Justice",
  D: "Ministère de la Justice",
  E: "Ministère de la Santé et de l’Action sociale",
  F: "Ministère de la Femme, de la Famille et de la Protection des enfants",
  G: "Ministère de l’Intérieur",
  H: "Comité sénégalais des droits de l’homme",
};

async function fixtureUserSheetFr(): Promise<Output> {
  const rng = rngFor("user-sheet-fr");
  const wordings: Wordings = { supported: ["Acceptée", "Acceptée", "Soutenue"], noted: ["Notée"], partial: ["Acceptée"] };
  const picks: (string | Pick)[] = [
    "opicescr", "ilo189", "opic", "treatyreports", "visits", "nhri", "npm", "nap", "training", "civilsociety",
    { key: "lgbtdecrim", position: "noted" }, "tortureinvest", "torturelaw", "prisons", "trafficking", "talibes",
    { key: "talibes", text: 1 }, "fgm", { key: "marriageage", position: "noted" }, "rape", "parity", "maternal", "cmu",
    "education", { key: "education", text: 1 }, "poverty", "water", { key: "press", position: "noted" }, "judiciary", "disability",
    "corporal", "birthreg", "refugees", "childlabour",
  ];
  const recs = planRecs({ bank: FR_BANK, picks, para: 143, rng, states: FR_STATES, wordings });
  recs.sort((a, b) => themeOrder(at(a.entry.themes, 0)) - themeOrder(at(b.entry.themes, 0)) || a.n - b.n);
  // The messy parts: a blank row in the middle, an empty text, a copied row, a copied row answered differently.
  const copySame = at(recs, 6);
  const copyConflict = at(recs, 13);
  if (copyConflict.position !== "supported") throw new Error("user-sheet-fr: conflict source must be supported");
  const emptyText = at(recs, 20);
  const rows: (Rec | "blank" | { copy: Rec; positionRaw: string; position: Position })[] = [...recs];
  rows.splice(15, 0, "blank");
  rows.splice(9, 0, { copy: copySame, positionRaw: copySame.positionRaw, position: copySame.position });
  rows.push({ copy: copyConflict, positionRaw: "Notée", position: "noted" });
  const numericIds = new Set(["143.5", "143.27", "143.33"]);

  const wb = newWorkbook();
  const ws = wb.addWorksheet("Suivi EPU");
  ws.columns = [{ width: 9 }, { width: 70 }, { width: 24 }, { width: 12 }, { width: 26 }, { width: 34 }, { width: 22 }, { width: 34 }];
  const ledger = new Ledger();
  ledger.row("title");
  ws.getCell("A1").value = "EPU du Sénégal (3e cycle – 31e session) : suivi de la mise en œuvre des recommandations";
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.mergeCells("A1:H1");
  ledger.row("blank");
  ledger.row("header");
  ledger.row("header");
  const head = (ref: string, text: string) => {
    const c = ws.getCell(ref);
    c.value = text;
    c.font = { bold: true, color: { argb: "FFFFFFFF" } };
    c.fill = fill("FF1F4E78");
    c.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    c.border = BOX;
  };
  head("A3", "N°");
  head("B3", "Recommandation");
  head("C3", "État recommandant");
  head("D3", "Réponse");
  head("E3", "Thème");
  head("F3", "Suivi de la mise en œuvre");
  head("F4", "Institution responsable");
  head("G4", "État de mise en œuvre");
  head("H4", "Commentaires");
  for (const col of ["A", "B", "C", "D", "E"]) ws.mergeCells(`${col}3:${col}4`);
  ws.mergeCells("F3:H3");
  const statusSupported = ["Mise en œuvre", "En cours", "En cours", "Partiellement mise en œuvre", "Non mise en œuvre"];
  let formulaDone = false;
  let dateDone = false;
  let prevTheme = "";
  for (const item of rows) {
    if (item === "blank") {
      const b = ledger.row("blank");
      for (const col of ["A", "B", "C", "D", "E", "F", "G", "H"]) ws.getCell(`${col}${b}`).border = BOX;
      continue;
    }
    const r = "copy" in item ? item.copy : item;
    const positionRaw = "copy" in item ? item.positionRaw : r.positionRaw;
    const position = "copy" in item ? item.position : r.position;
    const code = at(r.entry.themes, 0);
    const theme = homeThemeFr(code);
    const states = statesOf(r);
    const n = ledger.rec({ id: r.id, positionRaw, position, states, themes: [theme] });
    const row = ws.getRow(n);
    row.getCell(1).value = numericIds.has(r.id) ? Number(r.id) : r.id;
    row.getCell(2).value = r === emptyText && !("copy" in item) ? null : at(r.parts, 0).text;
    row.getCell(3).value = states.join(", ");
    row.getCell(4).value = positionRaw;
    if (!formulaDone && theme === prevTheme && !("copy" in item)) {
      row.getCell(5).value = { formula: `E${n - 1}`, result: theme };
      formulaDone = true;
    } else {
      row.getCell(5).value = theme;
    }
    prevTheme = theme;
    row.getCell(6).value = lookup(FR_INSTITUTIONS, code.charAt(0), "institution");
    row.getCell(7).value = position === "noted" ? "Aucune action" : pick(rng, statusSupported);
    if (!dateDone && row.getCell(7).value === "Mise en œuvre") {
      row.getCell(8).value = new Date(Date.UTC(2022, 5, 14));
      row.getCell(8).numFmt = "dd/mm/yyyy";
      dateDone = true;
    } else if (rng() < 0.25) {
      row.getCell(8).value = "Rapport à mi-parcours, par. 12";
    }
    for (let i = 1; i <= 8; i++) {
      row.getCell(i).border = BOX;
      row.getCell(i).alignment = WRAP;
    }
  }
  if (!formulaDone || !dateDone) throw new Error("user-sheet-fr: formula or date cell missing");
  return {
    path: "user-sheet-fr.xlsx", bytes: await xlsxBytes(wb), ledger,
    meta: {
      file: "user-sheet-fr.xlsx", format: "xlsx", layout: "user-sheet", language: "fr",
      origin:
        "A home-made French tracking sheet of a national mechanism (DOMAIN.md 'Other sources users hold', DOMAIN-DETAIL §7.2): merged title row, blank row, two-row header with merged cells (A3:A4 ... E3:E4, F3:H3), home-made theme labels, a bordered blank row in the middle, a row with no text, a copied row (same id, same answer), a copied row answered differently, a formula cell, a date cell, ids partly typed as numbers.",
      stateUnderReview: "Sénégal", cycle: 3, session: 31,
      diagnostics: ["blank-row", "empty-text", "duplicate-id", "conflicting-position"],
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// user-sheet-es.csv: Spanish sheet saved by Excel on Windows (cp1252, ";", CRLF)
// ---------------------------------------------------------------------------------------------------------

function homeThemeEs(code: string): string {
  const g = code.slice(0, 2);
  if (g === "A1") return "Instrumentos internacionales";
  if (code.startsWith("A")) return "Institucionalidad";
  if (code.startsWith("B")) return "Igualdad y no discriminación";
  if (["D4", "H1"].includes(g)) return "Libertades fundamentales";
  if (code.startsWith("D")) return "Justicia";
  if (g === "E4") return "Salud";
  if (g === "E5") return "Educación";
  if (code.startsWith("E")) return "Pobreza";
  if (g === "F1") return "Mujeres";
  if (g === "F3") return "Niñez y adolescencia";
  if (g === "G3") return "Pueblos indígenas";
  return "Grupos en situación de vulnerabilidad";
}

async function fixtureUserSheetEs(): Promise<Output> {
  const rng = rngFor("user-sheet-es");
  const recs = planBolivia().filter((_, i) => i % 4 !== 3);
  recs.sort((a, b) => a.n - b.n);
  // This sheet was started before the State's written answers: some positions are still pending.
  const pending = new Set(recs.filter((_, i) => i % 9 === 4).map((r) => r.id));
  const table: string[][] = [["Nº", "Recomendación", "Estado recomendante", "Posición", "Tema", "Situación"]];
  const ledger = new Ledger();
  ledger.row("header");
  const status = ["En curso", "Cumplida", "Parcialmente cumplida", "No iniciada", "En curso"];
  let k = 0;
  for (const r of recs) {
    const isPending = pending.has(r.id);
    let positionRaw = r.positionRaw === "Apoyada parcialmente" ? "Aceptada" : r.positionRaw;
    let position: Position = r.position === "partially-supported" ? "supported" : r.position;
    if (isPending) {
      positionRaw = "Pendiente";
      position = "pending";
    }
    if (position === "supported") positionRaw = k++ % 2 === 0 ? "Aceptada" : "Apoyada";
    // A merged item keeps its two parts in one cell, so the field holds ";" and must be quoted.
    const text = r.entry.key === "law348" && r.parts.length === 1
      ? `${at(r.parts, 0).text}; reforzar las “casas de acogida” para víctimas`
      : at(r.parts, 0).text;
    const states = statesOf(r);
    table.push([
      r.id, text, states.join(", "), positionRaw, homeThemeEs(at(r.entry.themes, 0)),
      position === "noted" ? "Sin acción" : position === "pending" ? "" : pick(rng, status),
    ]);
    ledger.rec({ id: r.id, positionRaw, position, states, themes: [homeThemeEs(at(r.entry.themes, 0))] });
  }
  table.push(["Fuente: Ministerio de Justicia – Dirección General de Derechos Humanos, actualizado al 30/06/2023", "", "", "", "", ""]);
  ledger.row("bad");
  return {
    path: "user-sheet-es.csv", bytes: encodeCp1252(toDelimited(table, ";", "\r\n", true)), ledger,
    meta: {
      file: "user-sheet-es.csv", format: "csv", layout: "user-sheet", language: "es",
      origin:
        "A Spanish home-made sheet saved by Excel on Windows as 'CSV (delimitado por comas)' (DOMAIN.md 'Other sources users hold'): Windows-1252 bytes (á, ñ, º, en dash, curly quotes), ';' delimiter, CRLF, a quoted field holding ';', positions Aceptada/Apoyada/Anotada/Se toma nota/Pendiente, and a trailing source note that is not a recommendation.",
      stateUnderReview: null, cycle: null, session: null, diagnostics: ["unparsed-row"],
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// user-sheet-utf16.csv: Excel "Unicode text" (UTF-16LE with BOM, tabs)
// ---------------------------------------------------------------------------------------------------------

async function fixtureUserSheetUtf16(): Promise<Output> {
  const rng = rngFor("user-sheet-utf16");
  const picks: (string | Pick)[] = [
    { key: "opcat", states: ["Türkiye"] }, "icped", "treatyreports", "nhri", "nap", { key: "antidiscrim", states: ["Côte d’Ivoire"] },
    "tortureinvest", { key: "moratorium", position: "noted" }, "prisons", "trafficking", "custody", "expression",
    { key: "assembly", states: ["Czechia", "Türkiye"], position: "supported" }, "judiciary", "birthreg", "poverty", "health",
    "education", "gbv", "fgm", "corporal", "childlabour", "crpdlaw", { key: "lgbtdecrim", position: "noted" }, "refugees",
    { key: "hrdlaw", position: "partially-supported" }, "familylaw", "water",
  ];
  const recs = planRecs({
    bank: EN_BANK, picks, para: 126, rng, states: [...EN_STATES, "Türkiye", "Czechia"],
    wordings: { supported: ["Supported", "Supported", "Accepted"], noted: ["Noted"], partial: ["Supported in part"] },
  });
  recs.sort((a, b) => a.n - b.n);
  const table: string[][] = [["Paragraph", "Recommendation", "Recommending State", "Response", "Status"]];
  const ledger = new Ledger();
  ledger.row("header");
  const status = ["Implemented", "In progress", "In progress", "Partially implemented", "Not started"];
  for (const r of recs) {
    let text = at(r.parts, 0).text;
    if (r.entry.key === "gbv") text += ', including by opening a "one-stop" centre for survivors in each province';
    const states = statesOf(r);
    table.push([r.id, text, states.join("; "), r.positionRaw, r.position === "noted" ? "No action" : pick(rng, status)]);
    ledger.rec({ id: r.id, positionRaw: r.positionRaw, position: r.position, states, themes: [] });
  }
  return {
    path: "user-sheet-utf16.csv", bytes: encodeUtf16LeBom(toDelimited(table, "\t", "\r\n", true)), ledger,
    meta: {
      file: "user-sheet-utf16.csv", format: "csv", layout: "user-sheet", language: "en",
      origin:
        "A small English tracking sheet saved by Excel as 'Unicode text': UTF-16LE with BOM, tab-delimited, CRLF, a field quoted because it holds double quotes, non-ASCII State names (Türkiye, Côte d’Ivoire), several States separated by '; ', responses Supported/Accepted/Noted/Supported in part.",
      stateUnderReview: null, cycle: null, session: null, diagnostics: [],
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const outputs: Output[] = [];
  for (const make of [
    fixtureG1Uganda, fixtureG3, fixtureG1French, fixtureOhchrEs, fixtureOhchrEnXlsx, fixtureUhriXlsx, fixtureUhriCsv,
    fixtureUprInfo, fixtureUserSheetFr, fixtureUserSheetEs, fixtureUserSheetUtf16, fixtureSample,
  ]) {
    outputs.push(await make());
  }
  let stale = 0;
  for (const o of outputs) {
    const expected = strToU8(`${formatJson(buildExpected(o.meta, o.ledger))}\n`);
    // <name>.expected.json beside <name>.<ext>; the two UHRI files share a name, so theirs keep the extension.
    const base = o.path.replace(/\.[a-z0-9]+$/, "");
    const shared = outputs.filter((x) => x.path.replace(/\.[a-z0-9]+$/, "") === base).length > 1;
    const expectedPath = `${shared ? o.path : base}.expected.json`;
    if (o.bytes.length > 200_000) throw new Error(`${o.path} is ${o.bytes.length} bytes (limit 200 KB)`);
    for (const [rel, bytes] of [[o.path, o.bytes], [expectedPath, expected]] as const) {
      const file = join(OUT, rel);
      if (CHECK) {
        const same = existsSync(file) && Buffer.compare(readFileSync(file), Buffer.from(bytes)) === 0;
        if (!same) {
          stale++;
          console.error(`stale: fixtures/${rel}`);
        }
      } else {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, bytes);
      }
    }
    const k = (x: RowKind) => o.ledger.kinds.filter((y) => y === x).length;
    console.log(
      `${o.path.padEnd(30)} ${String(o.bytes.length).padStart(7)} B  rows ${String(o.ledger.kinds.length).padStart(3)}  recs ${String(k("recommendation")).padStart(3)}  ` +
        `diagnostics [${o.meta.diagnostics.join(", ")}]`,
    );
  }
  if (CHECK && stale > 0) {
    console.error(`${stale} fixture file(s) differ from the generator: run npm run fixtures`);
    process.exitCode = 1;
  }
}

await main();
