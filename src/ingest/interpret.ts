import type { Diagnostic, Code, Severity } from "../schema/diagnostic.js";
import type { Place } from "../schema/place.js";
import type { Recommendation } from "../schema/recommendation.js";
import type { Language, Layout, RowCounts, Source } from "../schema/source.js";
import type { ParseResult } from "../schema/result.js";
import { readPosition } from "../classify/position.js";
import { NEEDS_CLEANING, cleanCell, cleanLine, fold } from "../internal/text.js";
import { splitKnown } from "../internal/split.js";
import { findIssue, findPerson, findState, findTheme } from "../taxonomy/index.js";
import { normalizeId, readIdPrefix, readRecommendationCell, readSourceOfPosition, reportSymbol, type RecommendationCell } from "./cell.js";
import { EXPECTED_COLUMNS, Field, matchHeader } from "./fields.js";
import type { ResolvedParseOptions } from "./options.js";
import type { TableInfo, TableRow } from "./table.js";
import { readThemeHeader, readThemesCell, type ThemesCell } from "./themes-cell.js";
import { cycleOfSession, readTitle } from "./title.js";
import { columnLetter } from "../internal/columns.js";

/** Rows a split recommendation may run over after its first row. */
const MAX_JOINED_ROWS = 5;

/** Rows looked at to find the header. Title blocks in real files are a few rows high. */
const HEADER_SCAN = 30;

/**
 * Entries and characters of keys a memo keeps before it starts again, and the longest key it keeps:
 * memos live as long as the module (a worker reads many files), so a file of long unique cells must
 * not leave hundreds of megabytes behind. Long cells rarely repeat; they are computed each time.
 */
const MEMO_SIZE = 4096;
const MEMO_CHARS = 1_000_000;
const MEMO_MAX_KEY = 2000;

/**
 * Remembers a pure function of a cell's text: States, issues, positions and themes cells repeat a lot
 * (UPR Info exports hold some 200 States and 55 issues over tens of thousands of rows). Values are
 * shared between rows, so callers copy whatever ends up inside a Recommendation.
 */
class Memo<V> {
  private readonly map = new Map<string, V>();
  private chars = 0;
  // Consecutive rows often repeat a value (the State under review, the session): no hashing then.
  private lastKey: string | undefined;
  private lastValue: V | undefined;
  constructor(private readonly compute: (key: string) => V) {}
  get(key: string): V {
    if (key === this.lastKey) return this.lastValue!;
    // A cell is a slice of its file's text and would keep the whole text alive: work on a copy.
    if (key.length > MEMO_MAX_KEY) return this.compute(` ${key}`.slice(1));
    let v = this.map.get(key);
    if (v === undefined) {
      const own = ` ${key}`.slice(1);
      v = this.compute(own);
      if (this.map.size >= MEMO_SIZE || this.chars > MEMO_CHARS) {
        this.map.clear();
        this.chars = 0;
      }
      this.map.set(own, v);
      this.chars += own.length;
      key = own;
    }
    this.lastKey = key;
    this.lastValue = v;
    return v;
  }
}

interface Column {
  index: number; // 0-based
  header: string;
  field: Field | null;
}

type Mapping = Map<Field, number[]>; // field → 0-based columns (a merged header groups several)

/** Per field: its one 0-based column, UNMAPPED, or MERGED (several columns, joined by value()). */
type ColumnOf = Record<Field, number>;
const UNMAPPED = -1;
const MERGED = -2;

/** A ColumnOf for a mapping. Every field is a key, so that value() reads one shape of object. */
function columnOf(mapping: Mapping): ColumnOf {
  const out = {} as ColumnOf;
  for (const f of Field.options) {
    const cols = mapping.get(f);
    out[f] = !cols ? UNMAPPED : cols.length === 1 ? cols[0]! : MERGED;
  }
  return out;
}

function columnIndex(ref: string | number, headers: readonly string[]): number | undefined {
  if (typeof ref === "number") return ref >= 1 ? ref - 1 : undefined;
  const key = fold(ref);
  const byHeader = headers.findIndex((h) => fold(h) === key);
  if (byHeader >= 0) return byHeader;
  if (/^[A-Z]{1,3}$/i.test(ref.trim())) {
    let n = 0;
    for (const ch of ref.trim().toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  }
  if (/^\d+$/.test(ref.trim())) return Number(ref) - 1;
  return undefined;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c === "");
}

/**
 * matchHeader, without folding long texts it would reject anyway: its folded key may hold at most 120
 * characters, and fold keeps every ASCII letter and digit. Header detection looks at every cell of the
 * first rows, recommendation texts included.
 */
function headerMatch(cell: string): ReturnType<typeof matchHeader> {
  if (cell.length <= 120) return headers.get(cell) ?? undefined;
  let alnum = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i) | 32; // ASCII letters in lower case; digits stay digits
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (++alnum > 120) return undefined;
    }
  }
  return matchHeader(cell);
}

// Short cells repeat across the first rows of many files (State names, "Accepted", issue lists).
const headers = new Memo((cell) => matchHeader(cell) ?? null);

/** All non-empty cells hold the same text: a merged row spanning the table (theme rows, titles). */
function spanningText(cells: readonly string[]): string | null {
  let value: string | null = null;
  for (const c of cells) {
    if (c === "") continue;
    if (value === null) value = c;
    else if (c !== value) return null;
  }
  return value;
}

// Section rows that announce a position instead of a theme ("Noted recommendations", "Recomendaciones apoyadas").
function readPositionSection(text: string) {
  if (text.length > 80 || !/\b(recommendations?|recommandations?|recomendaciones?)\b/i.test(text)) return null;
  const reading = readPosition(text);
  return reading.position === "unknown" ? null : reading;
}

/**
 * A cell's text as a message quotes it: in double quotes, on one line, control characters escaped, cut
 * at `max` characters. Messages are printed on terminals: a line break or an ESC sequence from a file
 * must not reach them as such.
 */
function quoteCell(s: string, max = 120): string {
  return JSON.stringify(s.length > max ? s.slice(0, max) : s).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A value from a cell (an id, a sheet name) in a message without quotes: one line, control characters escaped. */
function plain(s: string): string {
  return /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(s) ? quoteCell(s, 200).slice(1, -1) : s;
}

const ORDINAL_WORDS = new Map([["first", 1], ["second", 2], ["third", 3], ["fourth", 4], ["fifth", 5]]);

/** A session or cycle number: a positive safe integer ("34", "34th", "third"), else null. */
function readInt(value: string): number | null {
  const m = /\d+/.exec(value);
  if (m) {
    const n = Number(m[0]);
    return Number.isSafeInteger(n) && n > 0 ? n : null;
  }
  return ORDINAL_WORDS.get(fold(value).split(" ")[0] ?? "") ?? null;
}

// Memoised cell readers: pure functions of a cell's text, shared by all tables (see Memo).

const issueName = new Memo((label): string | null => findIssue(label)?.name ?? null);

const positions = new Memo((raw) => readPosition(raw));
const ints = new Memo((value) => readInt(value));
const stateNames = new Memo((cell) => findState(cell)?.name ?? cell);

const statesLists = new Memo((value): readonly string[] => {
  if (/^\(?\s*(?:unknown|n\/?a|none|-+|inconnu|desconocido)\s*\)?$/i.test(value)) return []; // placeholders, not States
  return splitKnown(value, /\s*(?:\n|;|,(?![^()]*\)))\s*/, (s) => findState(s) !== undefined, ", ").map((s) => findState(s)?.name ?? s);
});

const themesCells = new Memo((cell) =>
  readThemesCell(cell.includes("\n") ? cell : splitKnown(cell, /\s*;\s*/, (s) => findTheme(s) !== undefined).join("\n")),
);

/** Persons named in a persons column: [as written (bullet removed), the taxonomy's name]. */
const personsCells = new Memo((cell): readonly (readonly [string, string])[] => {
  const out: [string, string][] = [];
  for (const name of splitKnown(cell.replace(/^(?:affected persons|groups of persons)\s*:\s*/i, ""), /\s*(?:\n|;|,(?![^()]*\)))\s*/, (s) => findPerson(s) !== undefined, ", ")) {
    const clean = name.replace(/^[-–•]\s*/, "");
    if (clean) out.push([clean, findPerson(clean)?.name ?? clean]);
  }
  return out;
});

/** Goals in an SDG column: read as a themes cell, and the bare numbers for when that finds none. */
const sdgCells = new Memo((cell) => {
  const lines = cell.includes("\n") ? cell : cell.split(/\s*;\s*/).join("\n");
  const read = readThemesCell(lines, "sdgs").sdgs;
  const numbers = /^\s*$/.test(cell) ? [] : cell.split(/[^0-9]+/).filter(Boolean).map(Number);
  return { read, numbers };
});

const issueNames = new Memo((cell): readonly string[] =>
  splitKnown(cell, /\s*[,;\n]\s*/, (s) => issueName.get(s) !== null, ",").map((name) => issueName.get(name) ?? name),
);

/** An action category cell's number (1 to 5), or null. */
function readActionCategory(cell: string): number | null {
  const n = /^\s*([1-5])\b/.exec(cell);
  return n ? Number(n[1]) : null;
}
// UPR Info's cells are one digit; longer ones (text) are not worth keeping.
const actionCategories = new Memo(readActionCategory);

const NO_THEMES: ThemesCell = Object.freeze({ themes: [], persons: [], sdgs: [], unknownThemes: [] });

// A one-line text cell, cleaned, without "(" and not starting with a digit (a paragraph id) or s/f (a
// "Source of position" / "Fuente de la posición" line): readRecommendationCell (ingest/cell.ts) finds
// no id, no States group and no source line in it. Most UPR Info and UHRI texts are such cells.
const PLAIN_TEXT = /^[^0-9sSf\n(F][^\n(]*$/;

/** readRecommendationCell, without its work on plain cells (see PLAIN_TEXT). */
function readTextCell(cell: string, tailFallback: boolean): RecommendationCell {
  if (tailFallback || !PLAIN_TEXT.test(cell)) return readRecommendationCell(cell, tailFallback);
  return { paragraphId: null, text: cell, recommendingStates: [], unknownStates: [], positionSource: null, positionSourceParagraph: null };
}

/**
 * Turns the rows of one table (a CSV file, an XLSX sheet, a DOCX table) into recommendations and
 * diagnostics, one row at a time so that large sources stream through in bounded memory.
 * Every row is counted once in `rowCounts`: nothing is dropped without a trace.
 */
export class TableReader {
  private readonly info: TableInfo;
  private readonly opts: ResolvedParseOptions;
  private readonly buffer: TableRow[] = [];
  private decided = false;
  private columns: Column[] = [];
  private mapping: Mapping = new Map();
  // The mapping as value() reads it on every row: a property load instead of a Map lookup.
  private columnOf: ColumnOf = columnOf(this.mapping);
  private layout: Layout = "unknown";
  private language: Language | null = null;
  private headerRowNumbers = new Set<number>();
  private title: string[] = [];
  private titleInfo = { stateUnderReview: null as string | null, cycle: null as number | null, session: null as number | null };
  private readonly counts: RowCounts = { header: 0, title: 0, section: 0, blank: 0, continuation: 0, skipped: 0, recommendation: 0 };
  private rows = 0;
  private cluster: { code: string | null; name: string } | null = null;
  private sectionPosition: ReturnType<typeof readPosition> | null = null;
  private blankRun: { start: number; end: number } | null = null;
  private last: Recommendation | null = null;
  // First sighting of each paragraph id: only what the duplicate diagnostics quote, so drained
  // recommendations are not held.
  private readonly seen = new Map<string, { row: number | undefined; position: Recommendation["position"]; positionRaw: string | null }>();
  private drained = 0;
  private readonly unknownThemes = new Map<string, Place>();
  private readonly recommendations: Recommendation[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private unusable = false;

  constructor(info: TableInfo, options: ResolvedParseOptions) {
    this.info = info;
    this.opts = options;
    if (info.title) this.absorbTitle(info.title);
  }

  /**
   * Feed the next row. `plain` (for readers in this package): the caller has checked that no cell
   * holds a character cleanCell() would change (see findUnclean), so cells are only trimmed.
   */
  push(row: TableRow, plain = false): void {
    this.rows++;
    if (this.rows > this.opts.limits.maxRows) {
      if (this.rows === this.opts.limits.maxRows + 1) {
        this.diag("limit-exceeded", "error", `More than ${this.opts.limits.maxRows} rows: the rest of the table is not read (raise limits.maxRows to read it).`, { row: row.row });
      }
      this.counts.skipped++;
      return;
    }
    // Most rows are clean already: they are used as they are, without a copy.
    const raw = row.cells;
    let cells: string[] | null = null;
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i]!;
      const v = this.cleanCellValue(c, row.row, plain);
      if (v !== c && cells === null) cells = raw.slice(0, i);
      if (cells !== null) cells.push(v);
    }
    const clean: TableRow = cells === null ? row : { ...row, cells };
    if (this.decided) {
      this.interpret(clean);
      return;
    }
    this.buffer.push(clean);
    if (this.buffer.length >= HEADER_SCAN) this.decide();
  }

  /** Recommendations read and not yet handed over by drain(). */
  get pending(): number {
    return this.recommendations.length;
  }

  /**
   * Hand over the recommendations and diagnostics read so far, so that a large table streams out in
   * parts with bounded memory. The last recommendation stays: a continuation row may still extend it.
   * finish() then returns the rest, with the source counting every part.
   * @example
   * if (reader.pending >= 5000) send(reader.drain());
   */
  drain(): { recommendations: Recommendation[]; diagnostics: Diagnostic[] } {
    const keep = this.recommendations.length > 0 ? 1 : 0;
    const recommendations = this.recommendations.splice(0, this.recommendations.length - keep);
    this.drained += recommendations.length;
    return { recommendations, diagnostics: this.diagnostics.splice(0) };
  }

  /** Finish the table and return what was read. */
  finish(): ParseResult {
    if (!this.decided) this.decide();
    this.flushBlank();
    for (const [label, place] of this.unknownThemes) {
      this.diagnostics.push({ code: "unknown-theme", severity: "info", message: `Theme ${quoteCell(label, 200)} is not in the UHRI taxonomy shipped with upr-matrix; kept as written.`, place, actual: label });
    }
    const source: Source = {
      file: this.info.file,
      format: this.info.format,
      ...(this.info.sheet !== undefined ? { sheet: this.info.sheet } : {}),
      layout: this.layout,
      language: this.language,
      rows: this.rows,
      recommendations: this.drained + this.recommendations.length,
      rowCounts: this.counts,
      columns: this.columns.map((c) => ({ column: c.index + 1, header: c.header, field: c.field })),
      title: this.title.length ? this.title.join("\n") : null,
      stateUnderReview: this.titleInfo.stateUnderReview,
      cycle: this.titleInfo.cycle,
      session: this.titleInfo.session,
    };
    return { recommendations: this.recommendations, diagnostics: this.diagnostics, sources: [source] };
  }

  // --- set-up -------------------------------------------------------------------------------

  private cleanCellValue(value: string, row: number, plain: boolean): string {
    const max = this.opts.limits.maxCellLength;
    let v = value;
    if (v.length > max) {
      this.diag("limit-exceeded", "warning", `Cell longer than ${max} characters; cut to that length (raise limits.maxCellLength to keep it whole).`, { row });
      v = v.slice(0, max);
    }
    if (v === "") return v;
    // Without those characters or double spaces, cleanCell() would only trim the spaces at both ends
    // (the only other whitespace left is " "). Nearly every cell takes this fast path.
    if (plain || (!NEEDS_CLEANING.test(v) && !v.includes("  "))) return v.charCodeAt(0) === 32 || v.charCodeAt(v.length - 1) === 32 ? v.trim() : v;
    return cleanCell(v);
  }

  private absorbTitle(text: string): void {
    const t = cleanLine(text.replace(/\n/g, " "));
    if (!t) return;
    this.title.push(t);
    const info = readTitle(t);
    // The canonical name, as a "State under review" column gives, so a re-read export keeps the name.
    this.titleInfo.stateUnderReview ??= info.stateUnderReview ? stateNames.get(info.stateUnderReview) : null;
    this.titleInfo.cycle ??= info.cycle;
    this.titleInfo.session ??= info.session;
    if (!this.language) {
      if (/^\s*(?:UPR|Universal Periodic Review)\b/i.test(t)) this.language = "en";
      else if (/\bEPU\s+(?:du|de la|de l|des)\b|Examen périodique/i.test(t)) this.language = "fr";
      else if (/\bEPU\s+del?\b|Examen Periódico/i.test(t)) this.language = "es";
    }
  }

  /** Find the header row in the buffered rows, map columns to fields, then replay the buffer. */
  private decide(): void {
    this.decided = true;
    const rows = this.buffer.splice(0);
    const explicit = this.opts.columns;
    let headerAt = -1;
    if (this.opts.headerRow !== undefined) {
      headerAt = this.opts.headerRow === 0 ? -1 : rows.findIndex((r) => r.row === this.opts.headerRow);
    } else {
      let best = 0;
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        const fields = new Set<Field>();
        let long = 0;
        for (const c of r.cells) {
          const m = c ? headerMatch(c) : undefined;
          if (m) fields.add(m.field);
          if (c.length > 150) long++;
        }
        const score = fields.size - long;
        if (score > best && (fields.size >= 2 || fields.has("text"))) {
          best = score;
          headerAt = i;
        }
      }
    }

    if (headerAt < 0 && explicit && this.opts.headerRow === undefined) {
      // A mapping by header names tells where the header is.
      const names = [...explicit.values()].filter((v): v is string => typeof v === "string" && !/^[A-Z]{1,3}$/.test(v) && !/^\d+$/.test(v)).map(fold);
      if (names.length) headerAt = rows.findIndex((r) => r.cells.some((c) => names.includes(fold(c))));
    }

    // A two-level header picked at its lower row ("Assessment/comments..." merged over "Level of
    // implementation | Comments"): start at the upper row.
    if (headerAt > 0 && this.opts.headerRow === undefined) {
      const above = rows[headerAt - 1]!;
      if (above.cells.some((c) => c && headerMatch(c)) && this.isSecondHeader(above.cells, rows[headerAt]!.cells)) headerAt--;
    }

    if (headerAt >= 0) {
      const header = rows[headerAt]!;
      let headers = header.cells.slice();
      this.headerTexts = header.cells.slice();
      this.headerRowNumbers.add(header.row);
      // A second header row under merged cells ("Position" over "Supported | Noted", or a two-level header).
      const next = rows[headerAt + 1];
      if (next && this.isSecondHeader(header.cells, next.cells)) {
        headers = headers.map((h, i) => {
          const sub = next.cells[i] ?? "";
          if (!sub || sub === h) return h;
          return !h || headerMatch(sub) ? sub : `${h} ${sub}`;
        });
        this.headerTexts.push(...next.cells);
        this.headerRowNumbers.add(next.row);
      }
      this.mapColumns(headers, explicit);
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        if (i < headerAt) {
          if (isBlank(r.cells)) this.countBlank(r.row);
          else {
            this.flushBlank();
            this.counts.title++;
            this.absorbTitle(spanningText(r.cells) ?? r.cells.filter(Boolean).join(" "));
          }
        } else if (this.headerRowNumbers.has(r.row)) {
          this.flushBlank();
          this.counts.header++;
        } else this.interpret(r);
      }
      return;
    }

    // No header row: an OHCHR table without one (first row already a theme or recommendation row),
    // explicit columns, or an unknown layout.
    const width = Math.max(0, ...rows.map((r) => r.cells.length));
    const looksLikeMatrix = rows.some((r) => {
      const t = spanningText(r.cells);
      return (t !== null && readThemeHeader(t) !== null) || readIdPrefix(r.cells[0] ?? "") !== null;
    });
    if (explicit || looksLikeMatrix) {
      const defaults: Field[] = ["text", "position", "themes", width >= 5 ? "assessment" : "assessment"];
      const headers = Array.from({ length: width }, (_, i) => (explicit ? "" : (defaults[i] ?? "")));
      this.mapColumns(headers, explicit, !explicit);
      for (const r of rows) this.interpret(r);
      return;
    }

    this.unusable = true;
    this.layout = "unknown";
    const firstRow = rows.find((r) => !isBlank(r.cells));
    const found = firstRow ? firstRow.cells.filter(Boolean).map((c) => c.slice(0, 60)) : [];
    const sheet = this.info.sheet ? ` in ${plain(this.info.sheet)}` : "";
    this.columns = (firstRow?.cells ?? []).map((h, i) => ({ index: i, header: h.slice(0, 120), field: null }));
    if (rows.length === 0) {
      // Nothing to say about an empty table; the file-level reader reports empty files.
    } else if (found.length === 0) {
      this.diag("ignored-table", "info", `Table${sheet} holds no text; ignored.`, { row: rows[0]!.row, rowEnd: rows[rows.length - 1]!.row });
    } else {
      this.diag(
        "unknown-layout",
        this.info.format === "docx" || this.info.sheet ? "warning" : "error",
        `No recommendation column found${sheet}. Columns found: ${found.map((f) => quoteCell(f, 60)).join(", ")}. ` +
          `Expected a header row naming at least the recommendation text; pass a column mapping (--columns text=B,position=C) to read it anyway.`,
        { row: firstRow!.row },
        { expected: [...EXPECTED_COLUMNS] },
      );
    }
    for (const r of rows) this.interpret(r);
  }

  /** Every header cell text, both rows of a two-level header included (tells OHCHR's own wording). */
  private headerTexts: string[] = [];

  private isSecondHeader(header: readonly string[], next: readonly string[]): boolean {
    let matched = 0;
    let other = 0;
    let mergedAbove = false;
    for (let i = 0; i < next.length; i++) {
      const c = next[i] ?? "";
      if (!c) continue;
      if (c === header[i]) {
        mergedAbove = true; // vertically merged header cell, filled in by the reader
        continue;
      }
      if (matchHeader(c) && c.length < 80) matched++;
      else other++;
    }
    return matched >= 1 && other === 0 && (mergedAbove || header.some((h, i) => i > 0 && h !== "" && h === header[i - 1]));
  }

  private mapColumns(headers: string[], explicit: ResolvedParseOptions["columns"], assumed = false): void {
    const mapping: Mapping = new Map();
    const votes = new Map<Language, number>();
    this.columns = headers.map((h, i) => ({ index: i, header: h, field: null }));
    if (explicit) {
      for (const [field, ref] of explicit) {
        const idx = columnIndex(ref, headers);
        if (idx === undefined || idx < 0) {
          this.diag("missing-column", "error", `Column ${quoteCell(String(ref))} given for ${field} is not in the header row (${headers.filter(Boolean).map((h) => quoteCell(h)).join(", ")}).`, {});
          continue;
        }
        mapping.set(field, [idx]);
        if (!this.columns[idx]) this.columns[idx] = { index: idx, header: "", field: null };
        this.columns[idx]!.field = field;
      }
    }
    for (let i = 0; i < headers.length; i++) {
      const h = headers[i] ?? "";
      if (!h || this.columns[i]!.field) continue;
      // A merged header cell repeated over several columns: one logical column.
      if (i > 0 && h === headers[i - 1] && this.columns[i - 1]!.field) {
        const field = this.columns[i - 1]!.field!;
        mapping.get(field)!.push(i);
        this.columns[i]!.field = field;
        continue;
      }
      const m = assumed ? { field: h as Field, language: null } : matchHeader(h);
      if (!m || mapping.has(m.field)) continue;
      if (explicit && explicit.has(m.field)) continue;
      mapping.set(m.field, [i]);
      this.columns[i]!.field = m.field;
      if (m.language) votes.set(m.language, (votes.get(m.language) ?? 0) + 1);
    }
    this.mapping = mapping;
    this.columnOf = columnOf(mapping);
    let bestLang: Language | null = null;
    let bestVotes = 0;
    for (const [lang, n] of votes) {
      if (n > bestVotes || (n === bestVotes && lang === "en")) {
        bestLang = lang;
        bestVotes = n;
      }
    }
    this.language = bestLang ?? this.language;
    this.layout = this.classifyLayout(headers);
    if (!mapping.has("text")) {
      this.unusable = true;
      const found = headers.filter(Boolean);
      this.diag(
        "missing-column",
        "error",
        `No recommendation text column${this.info.sheet ? ` in ${plain(this.info.sheet)}` : ""}. Columns found: ${found.map((f) => quoteCell(f)).join(", ") || "none"}. ` +
          `Name one column "Recommendation" (or Recommandation, Recomendación), or pass a column mapping (--columns text=B).`,
        {},
        { expected: [...EXPECTED_COLUMNS] },
      );
      this.layout = "unknown";
    }
  }

  private classifyLayout(headers: readonly string[]): Layout {
    const keys = new Set(headers.map((h) => fold(h)));
    const has = (f: Field) => this.mapping.has(f);
    if (keys.has("to") && keys.has("from") && (keys.has("response") || keys.has("action"))) return "upr-info";
    if (keys.has("countries concerned") || keys.has("reccomending body") || keys.has("recommending body") || keys.has("upr position") || keys.has("ohchr annotation id")) return "uhri-export";
    if (has("text") && has("position") && (has("themes") || has("sdgs") || (has("assessment") && !has("status") && !has("id")))) return "ohchr-matrix";
    const ohchr = /^(assessment comments on level of implementation|full list of themes|position of the state under review|human rights themes and groups of persons)$/;
    if (has("text") && has("position") && this.headerTexts.some((h) => ohchr.test(fold(h)))) return "ohchr-matrix";
    return has("text") ? "user-sheet" : "unknown";
  }

  // --- rows ---------------------------------------------------------------------------------

  private countBlank(row: number): void {
    this.counts.blank++;
    if (this.blankRun && this.blankRun.end === row - 1) this.blankRun.end = row;
    else {
      this.flushBlank();
      this.blankRun = { start: row, end: row };
    }
  }

  private flushBlank(): void {
    const run = this.blankRun;
    if (!run) return;
    this.blankRun = null;
    const n = run.end - run.start + 1;
    this.diag("blank-row", "info", n === 1 ? "Blank row." : `${n} blank rows.`, { row: run.start, ...(n > 1 ? { rowEnd: run.end } : {}) });
  }

  private value(cells: readonly string[], field: Field): string {
    const col = this.columnOf[field];
    if (col >= 0) return cells[col] ?? "";
    if (col === UNMAPPED) return "";
    const parts: string[] = [];
    for (const c of this.mapping.get(field)!) {
      const v = cells[c] ?? "";
      if (v && !parts.includes(v)) parts.push(v);
    }
    return parts.join(" ");
  }

  private interpret(r: TableRow): void {
    const cells = r.cells;
    // One pass: how many cells are filled, and whether they all hold the same text (a spanning row).
    let filled = 0;
    let span: string | null = null;
    let spanning = true;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]!;
      if (c === "") continue;
      filled++;
      if (span === null) span = c;
      else if (c !== span) spanning = false;
    }
    if (filled === 0) {
      this.countBlank(r.row);
      return;
    }
    this.flushBlank();
    if (this.unusable) {
      this.counts.skipped++;
      return;
    }

    // Theme header rows: one text spanning the table ("Theme: A12 ..."), or a lone known theme label.
    if (spanning && span !== null) {
      const theme = readThemeHeader(span);
      const loneLabel = filled === 1 && cells[0] === span && !this.value(cells, "position") && !readIdPrefix(span);
      if (theme) {
        this.section(r, theme);
        return;
      }
      if (loneLabel || filled > 1) {
        const known = span.length < 150 ? findTheme(span) : undefined;
        if (known && (filled > 1 || span.length < 100)) {
          this.section(r, { code: known.code, name: span });
          return;
        }
        const pos = readPositionSection(span);
        if (pos) {
          this.counts.section++;
          this.sectionPosition = pos;
          return;
        }
      }
      if (filled > 1 && this.headerRowNumbers.size > 0 && this.repeatsHeader(cells, true)) {
        this.counts.header++; // the header repeated further down (pasted tables)
        return;
      }
    }
    if (this.headerRowNumbers.size > 0 && filled > 1 && this.repeatsHeader(cells, false)) {
      this.counts.header++;
      return;
    }
    this.readRecommendationRow(r);
  }

  /** Every filled cell repeats the header of its column (compared folded, or exactly). */
  private repeatsHeader(cells: readonly string[], folded: boolean): boolean {
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]!;
      if (c === "") continue;
      if (folded ? fold(c) !== fold(this.columns[i]?.header ?? "") : c !== this.columns[i]?.header) return false;
    }
    return true;
  }

  private section(r: TableRow, theme: { code: string | null; name: string }): void {
    this.counts.section++;
    this.cluster = theme;
    this.sectionPosition = null;
  }

  /** The place of a row, or of one of its fields (column and A1 cell when the field is mapped). */
  private placeOf(r: TableRow, field?: Field): Place {
    // A recommendation's own place in a CSV: built whole, without growing the object (one per row).
    if (!field && r.line !== undefined && this.info.sheet === undefined && this.info.table === undefined) return { file: this.info.file, row: r.row, line: r.line };
    const p: Place = { file: this.info.file, row: r.row };
    if (this.info.sheet !== undefined) p.sheet = this.info.sheet;
    if (this.info.table !== undefined) p.table = this.info.table;
    if (r.line !== undefined) p.line = r.line;
    if (field) {
      const col = this.mapping.get(field)?.[0];
      if (col !== undefined) {
        p.column = col + 1;
        p.cell = `${columnLetter(col + 1)}${r.row}`;
      }
      p.field = field;
    }
    return p;
  }

  /** Is any cell outside the text column(s) filled? */
  private otherFilled(cells: readonly string[]): boolean {
    const text = this.mapping.get("text");
    const above = this.lastCells;
    for (let i = 0; i < cells.length; i++) {
      // A cell equal to the one above is a merged cell running down (a theme column), not new content.
      if (cells[i] && !(text ?? []).includes(i) && cells[i] !== above?.[i]) return true;
    }
    return false;
  }

  /** Rows joined to the last recommendation so far. */
  private joins = 0;

  /** Cells of the last recommendation row, to recognise cells merged down from it. */
  private lastCells: readonly string[] | null = null;

  private readRecommendationRow(r: TableRow): void {
    const cells = r.cells;
    const textCell = this.value(cells, "text");
    const idCell = this.value(cells, "id");
    const positionCell = this.value(cells, "position");
    // With a States column, States are not guessed from the last words of the text.
    const parsed = readTextCell(textCell, this.columnOf.recommendingStates === UNMAPPED);
    let paragraphId = idCell ? normalizeId(idCell) : parsed.paragraphId;
    let strayId: string | null = null;
    if (idCell && paragraphId !== null && !/^[\p{L}\p{N}][\p{L}\p{N}.\-/]{0,19}$/u.test(paragraphId)) {
      strayId = idCell; // kept in `extra` below, or quoted in the unparsed-row diagnostic
      paragraphId = parsed.paragraphId;
    }
    if (idCell && parsed.paragraphId && parsed.paragraphId !== paragraphId) {
      parsed.text = `${parsed.paragraphId} ${parsed.text}`; // the number in the text is not the id: keep it
    }

    // A recommendation whose text runs over two rows: no id, no position, only text, after an open text.
    // Only a recommendation with a paragraph id can be split (the id is on its first row), and at most
    // over a few rows: a plain list of texts is a list of recommendations, and joining stays linear.
    if (
      !paragraphId && !positionCell && parsed.text && this.last?.paragraphId && this.joins < MAX_JOINED_ROWS &&
      !this.otherFilled(cells) && this.continues(this.last, parsed.text)
    ) {
      this.joins++;
      this.last.text = `${this.last.text}\n${parsed.text}`;
      // States of the joined text: the new part, and a group that the join completed across the break.
      const more = readRecommendationCell(this.last.text.slice(-2000), !this.mapping.has("recommendingStates"));
      this.last.recommendingStates = this.mergeStates(this.last.recommendingStates, more.recommendingStates);
      this.counts.continuation++;
      this.diag("split-recommendation", "warning", `Row continues the text of recommendation ${plain(this.last.id)} (row ${this.last.place.row}); joined to it.`, this.placeOf(r, "text"), { actual: parsed.text.slice(0, 200) });
      return;
    }

    if (!paragraphId && !parsed.text) {
      // Neither id nor text: a row we cannot read as a recommendation. Report it, quoting it.
      this.counts.skipped++;
      const shown = cells.filter(Boolean).join(" | ").slice(0, 200);
      this.diag("unparsed-row", "warning", `Row has no recommendation text or id; not read as a recommendation: ${quoteCell(shown, 200)}.`, this.placeOf(r), { actual: shown });
      return;
    }

    const given = this.readLabels(cells, r);
    const statesFromColumn = this.value(cells, "recommendingStates");
    const recommendingStates = statesFromColumn
      ? this.mergeStates(statesLists.get(statesFromColumn), parsed.recommendingStates)
      : parsed.recommendingStates;
    for (const u of parsed.unknownStates) {
      this.diag("unknown-state", "info", `${quoteCell(u)} looks like a recommending State but is not in the list of States; kept as written.`, this.placeOf(r, "text"), { actual: u });
    }

    const positionRaw = positionCell || null;
    const reading = positionRaw ? positions.get(positionRaw) : this.sectionPosition;
    const position = reading?.position ?? "unknown";
    if (positionRaw && position === "unknown") {
      this.diag("unknown-position", "warning", `Position ${quoteCell(positionRaw)} is not a known wording (English, French or Spanish); read as unknown.`, this.placeOf(r, "position"), {
        actual: positionRaw,
        expected: ["Supported", "Noted", "Supported/Noted", "Accepted", "Pending", "Soutenue", "Notée", "Apoyada", "Se toma nota"],
      });
    }

    const sessionCell = this.value(cells, "session");
    const cycleCell = this.value(cells, "cycle");
    // The file's own columns first, then its title, then what the caller said.
    const session = sessionCell ? ints.get(sessionCell) : (this.titleInfo.session ?? this.opts.session ?? null);
    const cycle = cycleCell ? ints.get(cycleCell) : (this.titleInfo.cycle ?? this.opts.cycle ?? (session ? cycleOfSession(session) : null));
    if (sessionCell && session === null) this.notANumber(r, "session", sessionCell);
    if (cycleCell && cycle === null) this.notANumber(r, "cycle", cycleCell);
    const surCell = this.value(cells, "stateUnderReview");
    const stateUnderReview = surCell ? stateNames.get(surCell) : (this.titleInfo.stateUnderReview ?? this.opts.stateUnderReview ?? null);
    let documentSymbol = this.value(cells, "documentSymbol") || null;
    let positionSource = parsed.positionSource;
    let positionSourceParagraph = parsed.positionSourceParagraph;
    if (!positionSource && documentSymbol) {
      const src = readSourceOfPosition(`Source of position: ${documentSymbol}`);
      positionSource = src?.symbol ?? null;
      positionSourceParagraph ??= src?.paragraph ?? null;
    }
    if (documentSymbol) documentSymbol = reportSymbol(documentSymbol.replace(/\s+/g, ""));
    else if (positionSource) documentSymbol = reportSymbol(positionSource);

    const clusterCell = this.value(cells, "cluster");
    const cluster = clusterCell ? (readThemeHeader(`Theme: ${clusterCell}`) ?? this.cluster) : this.cluster;

    const id = paragraphId ?? `${this.info.idPrefix ?? ""}row-${r.row}`;
    const institutions = this.value(cells, "institutions");
    const rec: Recommendation = {
      id,
      paragraphId,
      text: parsed.text,
      recommendingStates,
      stateUnderReview: stateUnderReview ?? null,
      cycle: cycle ?? null,
      session: session ?? null,
      documentSymbol,
      position,
      positionRaw,
      positionSource,
      positionSourceParagraph,
      cluster,
      themes: given.themes,
      affectedPersons: given.persons,
      sdgs: given.sdgs,
      issues: given.issues,
      actionCategory: given.action,
      assessment: this.value(cells, "assessment") || null,
      status: this.value(cells, "status") || null,
      institutions: institutions ? institutions.split(/\s*[;\n]\s*/).filter(Boolean) : [],
      extra: strayId ? [{ column: this.columns[this.mapping.get("id")![0]!]?.header || "id", value: strayId }, ...this.extra(cells)] : this.extra(cells),
      place: this.placeOf(r),
    };
    if (cluster && !rec.themes.some((t) => t.name === cluster.name || (t.code !== null && t.code === cluster.code))) {
      rec.themes.unshift({ code: cluster.code, name: cluster.name, source: "matrix" });
    }

    if (!parsed.text) {
      this.diag("empty-text", "error", `Recommendation ${plain(id)} has no text.`, this.placeOf(r, "text"));
    }
    if (paragraphId) {
      const key = `${rec.stateUnderReview ?? ""}\u0000${rec.cycle ?? ""}\u0000${paragraphId}`;
      const before = this.seen.get(key);
      if (before) {
        if (before.position !== rec.position) {
          this.diag("conflicting-position", "warning", `Recommendation ${plain(paragraphId)} appears again (first at row ${before.row}) with another position: ${quoteCell(before.positionRaw ?? "")} then ${quoteCell(positionRaw ?? "")}. Both kept.`, this.placeOf(r, "position"), { actual: positionRaw ?? "" });
        } else {
          this.diag("duplicate-id", "warning", `Paragraph id ${plain(paragraphId)} appears again (first at row ${before.row}). Both kept.`, this.placeOf(r, "id"), { actual: paragraphId });
        }
      } else this.seen.set(key, { row: rec.place.row, position: rec.position, positionRaw: rec.positionRaw });
    } else if (this.layout === "ohchr-matrix" || this.mapping.has("id")) {
      this.diag("missing-id", "warning", `Recommendation without a paragraph id; identified as ${plain(id)}.`, this.placeOf(r, "text"), { actual: parsed.text.slice(0, 120) });
    }

    this.counts.recommendation++;
    this.recommendations.push(rec);
    this.last = rec;
    this.lastCells = cells;
    this.joins = 0;
  }

  private notANumber(r: TableRow, field: "session" | "cycle", cell: string): void {
    this.diag("invalid-field", "warning", `${field === "session" ? "Session" : "Cycle"} ${quoteCell(cell)} is not a positive whole number; ignored.`, this.placeOf(r, field), { actual: cell });
  }

  /** Does `text` (a row with text only) continue the previous recommendation? */
  private continues(prev: Recommendation, text: string): boolean {
    if (!prev.text) return false;
    const open = !/[;.)!?]\s*$/.test(prev.text);
    const lower = /^[a-zà-ÿ(,;]/.test(text);
    return open || lower;
  }

  private mergeStates(a: readonly string[], b: readonly string[]): string[] {
    const out = a.slice();
    for (const s of b) if (!out.includes(s)) out.push(s);
    return out;
  }

  private readLabels(cells: readonly string[], r: TableRow) {
    const themesCell = this.value(cells, "themes");
    const read: ThemesCell = themesCell ? themesCells.get(themesCell) : NO_THEMES;
    for (const u of read.unknownThemes) if (!this.unknownThemes.has(u)) this.unknownThemes.set(u, this.placeOf(r, "themes"));
    // Copies: memoised values are shared between rows, a Recommendation owns its labels.
    const themes = read.themes.length ? read.themes.map((t) => ({ ...t })) : [];
    const persons = read.persons.length ? read.persons.map((p) => ({ ...p })) : [];
    const personsCell = this.value(cells, "affectedPersons");
    if (personsCell) {
      for (const [clean, name] of personsCells.get(personsCell)) {
        if (!persons.some((p) => p.name === clean)) persons.push({ name, source: "matrix" });
      }
    }
    const sdgs = read.sdgs.length ? read.sdgs.map((s) => ({ ...s })) : [];
    const sdgCell = this.value(cells, "sdgs");
    if (sdgCell) {
      const goals = sdgCells.get(sdgCell);
      for (const s of goals.read) if (!sdgs.some((x) => x.goal === s.goal)) sdgs.push({ ...s });
      if (sdgs.length === 0) {
        for (const n of goals.numbers) if (n >= 1 && n <= 17 && !sdgs.some((x) => x.goal === n)) sdgs.push({ goal: n, source: "matrix" });
      }
    }
    // map() rather than push(): arrays of their own length (kept for the result's lifetime).
    const issuesCell = this.value(cells, "issues");
    const issues: { name: string; source: "matrix" }[] = issuesCell ? issueNames.get(issuesCell).map((name) => ({ name, source: "matrix" })) : [];
    let action: Recommendation["actionCategory"] = null;
    const actionCell = this.value(cells, "actionCategory");
    if (actionCell) {
      const n = actionCell.length <= 8 ? actionCategories.get(actionCell) : readActionCategory(actionCell);
      if (n !== null) action = { category: n, source: "matrix" };
      else this.diag("invalid-field", "warning", `Action category ${quoteCell(actionCell)} is not a number from 1 to 5; ignored.`, this.placeOf(r, "actionCategory"), { actual: actionCell, expected: ["1", "2", "3", "4", "5"] });
    }
    return { themes, persons, sdgs, issues, action };
  }

  /** Unmapped columns (index, display name), worked out once the columns are known. */
  private extraColumns: { index: number; name: string }[] | null = null;
  private readonly extraScratch: { column: string; value: string }[] = [];

  private extra(cells: readonly string[]) {
    if (!this.extraColumns) {
      this.extraColumns = [];
      for (const col of this.columns) {
        if (col.field) continue;
        this.extraColumns.push({ index: col.index, name: col.header || `Column ${columnLetter(col.index + 1)}` });
      }
    }
    // Built in a scratch array, then copied: an array pushed into from empty keeps room for 17 entries.
    const out = this.extraScratch;
    out.length = 0;
    for (const col of this.extraColumns) {
      const v = cells[col.index];
      if (v) out.push({ column: col.name, value: v });
    }
    // Cells beyond the header's width are kept too.
    for (let i = this.columns.length; i < cells.length; i++) {
      const v = cells[i];
      if (v) out.push({ column: `Column ${columnLetter(i + 1)}`, value: v });
    }
    const copy = out.slice();
    out.length = 0; // holds no cell after the row
    return copy;
  }

  private diag(code: Code, severity: Severity, message: string, at: Partial<Place>, more: { actual?: string; expected?: string[] } = {}): void {
    const place: Place = { file: this.info.file, ...at };
    if (this.info.sheet !== undefined && place.sheet === undefined) place.sheet = this.info.sheet;
    if (this.info.table !== undefined && place.table === undefined) place.table = this.info.table;
    this.diagnostics.push({ code, severity, message, place, ...more });
  }
}
