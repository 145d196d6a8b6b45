import type { Diagnostic, Code, Severity } from "../schema/diagnostic.js";
import type { Place } from "../schema/place.js";
import type { Recommendation, ThemeLabel } from "../schema/recommendation.js";
import type { Language, Layout, RowCounts, Source } from "../schema/source.js";
import type { ParseResult } from "../schema/result.js";
import { readPosition } from "../classify/position.js";
import { cleanCell, cleanLine, fold } from "../internal/text.js";
import { splitKnown } from "../internal/split.js";
import { findIssue, findPerson, findSdg, findState, findTheme } from "../taxonomy/index.js";
import { normalizeId, readIdPrefix, readRecommendationCell, readSourceOfPosition, reportSymbol } from "./cell.js";
import { EXPECTED_COLUMNS, type Field, matchHeader } from "./fields.js";
import type { ResolvedParseOptions } from "./options.js";
import type { TableInfo, TableRow } from "./table.js";
import { readThemeHeader, readThemesCell } from "./themes-cell.js";
import { cycleOfSession, readTitle } from "./title.js";

/** Rows looked at to find the header. Title blocks in real files are a few rows high. */
const HEADER_SCAN = 30;

interface Column {
  index: number; // 0-based
  header: string;
  field: Field | null;
}

type Mapping = Map<Field, number[]>; // field → 0-based columns (a merged header groups several)

function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
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

const ORDINAL_WORDS = new Map([["first", 1], ["second", 2], ["third", 3], ["fourth", 4], ["fifth", 5]]);

function readInt(value: string): number | null {
  const m = /\d+/.exec(value);
  if (m) return Number(m[0]);
  return ORDINAL_WORDS.get(fold(value).split(" ")[0] ?? "") ?? null;
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
  private readonly seen = new Map<string, Recommendation>();
  private readonly unknownThemes = new Map<string, Place>();
  private readonly recommendations: Recommendation[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private unusable = false;

  constructor(info: TableInfo, options: ResolvedParseOptions) {
    this.info = info;
    this.opts = options;
    if (info.title) this.absorbTitle(info.title);
  }

  /** Feed the next row. */
  push(row: TableRow): void {
    this.rows++;
    if (this.rows > this.opts.limits.maxRows) {
      if (this.rows === this.opts.limits.maxRows + 1) {
        this.diag("limit-exceeded", "error", `More than ${this.opts.limits.maxRows} rows: the rest of the table is not read (raise limits.maxRows to read it).`, { row: row.row });
      }
      this.counts.skipped++;
      return;
    }
    const cells = row.cells.map((c) => this.cleanCellValue(c, row.row));
    const clean: TableRow = { ...row, cells };
    if (this.decided) {
      this.interpret(clean);
      return;
    }
    this.buffer.push(clean);
    if (this.buffer.length >= HEADER_SCAN) this.decide();
  }

  /** Finish the table and return what was read. */
  finish(): ParseResult {
    if (!this.decided) this.decide();
    this.flushBlank();
    for (const [label, place] of this.unknownThemes) {
      this.diagnostics.push({ code: "unknown-theme", severity: "info", message: `Theme "${label}" is not in the UHRI taxonomy shipped with upr-matrix; kept as written.`, place, actual: label });
    }
    const source: Source = {
      file: this.info.file,
      format: this.info.format,
      ...(this.info.sheet !== undefined ? { sheet: this.info.sheet } : {}),
      layout: this.layout,
      language: this.language,
      rows: this.rows,
      recommendations: this.recommendations.length,
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

  private cleanCellValue(value: string, row: number): string {
    const max = this.opts.limits.maxCellLength;
    let v = value;
    if (v.length > max) {
      this.diag("limit-exceeded", "warning", `Cell longer than ${max} characters; cut to that length (raise limits.maxCellLength to keep it whole).`, { row });
      v = v.slice(0, max);
    }
    return cleanCell(v);
  }

  private absorbTitle(text: string): void {
    const t = cleanLine(text.replace(/\n/g, " "));
    if (!t) return;
    this.title.push(t);
    const info = readTitle(t);
    this.titleInfo.stateUnderReview ??= info.stateUnderReview;
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
          const m = c ? matchHeader(c) : undefined;
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

    if (headerAt >= 0) {
      const header = rows[headerAt]!;
      let headers = header.cells.slice();
      this.headerRowNumbers.add(header.row);
      // A second header row under merged cells ("Position" over "Supported | Noted", or a two-level header).
      const next = rows[headerAt + 1];
      if (next && this.isSecondHeader(header.cells, next.cells)) {
        headers = headers.map((h, i) => {
          const sub = next.cells[i] ?? "";
          return sub && sub !== h ? (h ? `${h} ${sub}` : sub) : h;
        });
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
    const sheet = this.info.sheet ? ` in ${this.info.sheet}` : "";
    this.columns = (firstRow?.cells ?? []).map((h, i) => ({ index: i, header: h.slice(0, 120), field: null }));
    if (rows.length === 0) {
      // Nothing to say about an empty table; the file-level reader reports empty files.
    } else if (found.length === 0) {
      this.diag("ignored-table", "info", `Table${sheet} holds no text; ignored.`, { row: rows[0]!.row, rowEnd: rows[rows.length - 1]!.row });
    } else {
      this.diag(
        "unknown-layout",
        this.info.format === "docx" || this.info.sheet ? "warning" : "error",
        `No recommendation column found${sheet}. Columns found: ${found.map((f) => `"${f}"`).join(", ")}. ` +
          `Expected a header row naming at least the recommendation text; pass a column mapping (--columns text=B,position=C) to read it anyway.`,
        { row: firstRow!.row },
        { expected: [...EXPECTED_COLUMNS] },
      );
    }
    for (const r of rows) this.interpret(r);
  }

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
          this.diag("missing-column", "error", `Column "${ref}" given for ${field} is not in the header row (${headers.filter(Boolean).map((h) => `"${h}"`).join(", ")}).`, {});
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
        `No recommendation text column${this.info.sheet ? ` in ${this.info.sheet}` : ""}. Columns found: ${found.map((f) => `"${f}"`).join(", ") || "none"}. ` +
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
    const cols = this.mapping.get(field);
    if (!cols) return "";
    if (cols.length === 1) return cells[cols[0]!] ?? "";
    const parts: string[] = [];
    for (const c of cols) {
      const v = cells[c] ?? "";
      if (v && !parts.includes(v)) parts.push(v);
    }
    return parts.join(" ");
  }

  private interpret(r: TableRow): void {
    const cells = r.cells;
    if (isBlank(cells)) {
      this.countBlank(r.row);
      return;
    }
    this.flushBlank();
    if (this.unusable) {
      this.counts.skipped++;
      return;
    }

    // Theme header rows: one text spanning the table ("Theme: A12 ..."), or a lone known theme label.
    const span = spanningText(cells);
    const filled = cells.filter(Boolean).length;
    if (span !== null) {
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
      if (filled > 1 && this.headerRowNumbers.size > 0 && cells.every((c, i) => c === "" || fold(c) === fold(this.columns[i]?.header ?? ""))) {
        this.counts.header++; // the header repeated further down (pasted tables)
        return;
      }
    }
    if (this.headerRowNumbers.size > 0 && filled > 1 && cells.every((c, i) => c === "" || c === this.columns[i]?.header)) {
      this.counts.header++;
      return;
    }
    this.readRecommendationRow(r);
  }

  private section(r: TableRow, theme: { code: string | null; name: string }): void {
    this.counts.section++;
    this.cluster = theme;
    this.sectionPosition = null;
  }

  private readRecommendationRow(r: TableRow): void {
    const cells = r.cells;
    const place = (field?: Field): Place => {
      const p: Place = { file: this.info.file, row: r.row };
      if (this.info.sheet !== undefined) p.sheet = this.info.sheet;
      if (this.info.table !== undefined) p.table = this.info.table;
      if (r.line !== undefined) p.line = r.line;
      if (field) {
        const col = this.mapping.get(field)?.[0];
        if (col !== undefined) {
          p.column = col + 1;
          p.cell = `${columnLetter(col)}${r.row}`;
        }
        p.field = field;
      }
      return p;
    };

    const textCell = this.value(cells, "text");
    const idCell = this.value(cells, "id");
    const positionCell = this.value(cells, "position");
    // With a States column, States are not guessed from the last words of the text.
    const parsed = readRecommendationCell(textCell, !this.mapping.has("recommendingStates"));
    let paragraphId = idCell ? normalizeId(idCell) : parsed.paragraphId;
    if (idCell && parsed.paragraphId && parsed.paragraphId !== paragraphId) {
      parsed.text = `${parsed.paragraphId} ${parsed.text}`; // the number in the text is not the id: keep it
    }

    // A recommendation whose text runs over two rows: no id, no position, only text, after an open text.
    const otherFilled = cells.some((c, i) => c && !(this.mapping.get("text") ?? []).includes(i));
    if (!paragraphId && !positionCell && parsed.text && !otherFilled && this.last && this.continues(this.last, parsed.text)) {
      this.last.text = `${this.last.text}\n${parsed.text}`;
      const more = readRecommendationCell(this.last.text, !this.mapping.has("recommendingStates"));
      this.last.recommendingStates = this.mergeStates(this.last.recommendingStates, more.recommendingStates);
      this.counts.continuation++;
      this.diag("split-recommendation", "warning", `Row continues the text of recommendation ${this.last.id} (row ${this.last.place.row}); joined to it.`, place("text"), { actual: parsed.text.slice(0, 200) });
      return;
    }

    if (!paragraphId && !parsed.text) {
      // Neither id nor text: a row we cannot read as a recommendation. Report it, quoting it.
      this.counts.skipped++;
      const shown = cells.filter(Boolean).join(" | ").slice(0, 200);
      this.diag("unparsed-row", "warning", `Row has no recommendation text or id; not read as a recommendation: "${shown}".`, place(), { actual: shown });
      return;
    }

    const given = this.readLabels(cells, r.row, place);
    let statesFromColumn = this.value(cells, "recommendingStates");
    const recommendingStates = statesFromColumn
      ? this.mergeStates(this.readStatesList(statesFromColumn), parsed.recommendingStates)
      : parsed.recommendingStates;
    for (const u of parsed.unknownStates) {
      this.diag("unknown-state", "info", `"${u}" looks like a recommending State but is not in the list of States; kept as written.`, place("text"), { actual: u });
    }
    statesFromColumn = "";

    const positionRaw = positionCell || null;
    const reading = positionRaw ? readPosition(positionRaw) : this.sectionPosition;
    const position = reading?.position ?? (this.mapping.has("position") ? "unknown" : "unknown");
    if (positionRaw && position === "unknown") {
      this.diag("unknown-position", "warning", `Position "${positionRaw}" is not a known wording (English, French or Spanish); read as unknown.`, place("position"), {
        actual: positionRaw,
        expected: ["Supported", "Noted", "Supported/Noted", "Accepted", "Pending", "Soutenue", "Notée", "Apoyada", "Se toma nota"],
      });
    }

    const sessionCell = this.value(cells, "session");
    const cycleCell = this.value(cells, "cycle");
    // The file's own columns first, then its title, then what the caller said.
    const session = sessionCell ? readInt(sessionCell) : (this.titleInfo.session ?? this.opts.session ?? null);
    const cycle = cycleCell ? readInt(cycleCell) : (this.titleInfo.cycle ?? this.opts.cycle ?? (session ? cycleOfSession(session) : null));
    const surCell = this.value(cells, "stateUnderReview");
    const stateUnderReview = surCell ? (findState(surCell)?.name ?? surCell) : (this.titleInfo.stateUnderReview ?? this.opts.stateUnderReview ?? null);
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

    const id = paragraphId ?? `${this.info.table !== undefined ? `t${this.info.table}-` : ""}${this.info.sheet && this.info.format === "xlsx" ? `${this.info.sheet}-` : ""}row-${r.row}`;
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
      institutions: this.value(cells, "institutions") ? this.value(cells, "institutions").split(/\s*[;\n]\s*/).filter(Boolean) : [],
      extra: this.extra(cells),
      place: place(),
    };
    if (cluster && !rec.themes.some((t) => t.name === cluster.name || (t.code !== null && t.code === cluster.code))) {
      rec.themes.unshift({ code: cluster.code, name: cluster.name, source: "matrix" });
    }

    if (!parsed.text) {
      this.diag("empty-text", "error", `Recommendation ${id} has no text.`, place("text"));
    }
    if (paragraphId) {
      const key = `${rec.stateUnderReview ?? ""}\u0000${rec.cycle ?? ""}\u0000${paragraphId}`;
      const before = this.seen.get(key);
      if (before) {
        if (before.position !== rec.position) {
          this.diag("conflicting-position", "warning", `Recommendation ${paragraphId} appears again (first at row ${before.place.row}) with another position: "${before.positionRaw ?? ""}" then "${positionRaw ?? ""}". Both kept.`, place("position"), { actual: positionRaw ?? "" });
        } else {
          this.diag("duplicate-id", "warning", `Paragraph id ${paragraphId} appears again (first at row ${before.place.row}). Both kept.`, place("id"), { actual: paragraphId });
        }
      } else this.seen.set(key, rec);
    } else if (this.layout === "ohchr-matrix" || this.mapping.has("id")) {
      this.diag("missing-id", "warning", `Recommendation without a paragraph id; identified as ${id}.`, place("text"), { actual: parsed.text.slice(0, 120) });
    }

    this.counts.recommendation++;
    this.recommendations.push(rec);
    this.last = rec;
  }

  /** Does `text` (a row with text only) continue the previous recommendation? */
  private continues(prev: Recommendation, text: string): boolean {
    if (!prev.text) return false;
    const open = !/[;.)!?]\s*$/.test(prev.text);
    const lower = /^[a-zà-ÿ(,;]/.test(text);
    return open || lower;
  }

  private mergeStates(a: string[], b: string[]): string[] {
    const out = a.slice();
    for (const s of b) if (!out.includes(s)) out.push(s);
    return out;
  }

  private readStatesList(value: string): string[] {
    if (/^\(?\s*(?:unknown|n\/?a|none|-+|inconnu|desconocido)\s*\)?$/i.test(value)) return []; // placeholders, not States
    return splitKnown(value, /\s*(?:\n|;|,(?![^()]*\)))\s*/, (s) => findState(s) !== undefined, ", ").map((s) => findState(s)?.name ?? s);
  }

  private readLabels(cells: readonly string[], row: number, place: (f?: Field) => Place) {
    const themesCell = this.value(cells, "themes");
    const read = themesCell
      ? readThemesCell(themesCell.includes("\n") ? themesCell : splitKnown(themesCell, /\s*;\s*/, (s) => findTheme(s) !== undefined).join("\n"))
      : { themes: [] as ThemeLabel[], persons: [], sdgs: [], unknownThemes: [] as string[] };
    for (const u of read.unknownThemes) if (!this.unknownThemes.has(u)) this.unknownThemes.set(u, place("themes"));
    const persons = read.persons.slice();
    const personsCell = this.value(cells, "affectedPersons");
    if (personsCell) {
      for (const name of splitKnown(personsCell.replace(/^(?:affected persons|groups of persons)\s*:\s*/i, ""), /\s*(?:\n|;|,(?![^()]*\)))\s*/, (s) => findPerson(s) !== undefined, ", ")) {
        const clean = name.replace(/^[-–•]\s*/, "");
        if (clean && !persons.some((p) => p.name === clean)) persons.push({ name: findPerson(clean)?.name ?? clean, source: "matrix" });
      }
    }
    const sdgs = read.sdgs.slice();
    const sdgCell = this.value(cells, "sdgs");
    if (sdgCell) {
      const lines = sdgCell.includes("\n") ? sdgCell : sdgCell.split(/\s*;\s*/).join("\n");
      for (const s of readThemesCell(lines, "sdgs").sdgs) if (!sdgs.some((x) => x.goal === s.goal)) sdgs.push(s);
      if (sdgs.length === 0 && !/^\s*$/.test(sdgCell)) {
        for (const n of sdgCell.split(/[^0-9]+/).filter(Boolean).map(Number)) if (n >= 1 && n <= 17 && !sdgs.some((x) => x.goal === n)) sdgs.push({ goal: n, source: "matrix" });
      }
    }
    const issues = [];
    const issuesCell = this.value(cells, "issues");
    if (issuesCell) {
      for (const name of splitKnown(issuesCell, /\s*[,;\n]\s*/, (s) => findIssue(s) !== undefined, ",")) {
        issues.push({ name: findIssue(name)?.name ?? name, source: "matrix" as const });
      }
    }
    let action: Recommendation["actionCategory"] = null;
    const actionCell = this.value(cells, "actionCategory");
    if (actionCell) {
      const n = /^\s*([1-5])\b/.exec(actionCell);
      if (n) action = { category: Number(n[1]), source: "matrix" };
      else this.diag("invalid-field", "warning", `Action category "${actionCell}" is not a number from 1 to 5; ignored.`, place("actionCategory"), { actual: actionCell, expected: ["1", "2", "3", "4", "5"] });
    }
    void row;
    return { themes: read.themes, persons, sdgs, issues, action };
  }

  private extra(cells: readonly string[]) {
    const out: { column: string; value: string }[] = [];
    for (const col of this.columns) {
      if (col.field) continue;
      const v = cells[col.index];
      if (v) out.push({ column: col.header || `Column ${columnLetter(col.index)}`, value: v });
    }
    // Cells beyond the header's width are kept too.
    for (let i = this.columns.length; i < cells.length; i++) {
      const v = cells[i];
      if (v) out.push({ column: `Column ${columnLetter(i)}`, value: v });
    }
    return out;
  }

  private diag(code: Code, severity: Severity, message: string, at: Partial<Place>, more: { actual?: string; expected?: string[] } = {}): void {
    const place: Place = { file: this.info.file, ...at };
    if (this.info.sheet !== undefined && place.sheet === undefined) place.sheet = this.info.sheet;
    if (this.info.table !== undefined && place.table === undefined) place.table = this.info.table;
    this.diagnostics.push({ code, severity, message, place, ...more });
  }
}
