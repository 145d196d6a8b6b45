// The row loop: rows of one table in, recommendations and diagnostics out. The first rows are held
// until the layout is known (layout.ts); then each row is told apart (blank, title, header, theme or
// position section, continuation, recommendation) and recommendations are built by record.ts.
import type { Diagnostic, Code, Severity } from "../schema/diagnostic.js";
import type { Place } from "../schema/place.js";
import type { Recommendation } from "../schema/recommendation.js";
import type { Language, RowCounts, Source } from "../schema/source.js";
import type { ParseResult } from "../schema/result.js";
import { NEEDS_CLEANING, cleanCell, cleanLine } from "../internal/text.js";
import { quote, plain } from "../internal/quote.js";
import { findTheme } from "../taxonomy/index.js";
import type { PositionReading } from "../classify/position.js";
import { readIdPrefix, readRecommendationCell } from "./cell.js";
import { readPositionSection, stateName } from "./cell-readers.js";
import { detectLayout, fieldValue, HEADER_SCAN, isBlank, repeatsHeader, spanningText, type TableLayout } from "./layout.js";
import type { ResolvedParseOptions } from "./options.js";
import { tableDiagnostic, type DiagnosticMore } from "./place.js";
import { mergeStates, RecordBuilder, type ClusterRef } from "./record.js";
import type { TableInfo, TableRow } from "./table.js";
import { readThemeHeader } from "./themes-cell.js";
import { readTitle, type TitleInfo } from "./title.js";

/** Rows a split recommendation may run over after its first row. */
const MAX_JOINED_ROWS = 5;

/**
 * Turns the rows of one table (a CSV file, an XLSX sheet, a DOCX table) into recommendations and
 * diagnostics, one row at a time so that large sources stream through in bounded memory.
 * Every row is counted once in `rowCounts`: nothing is dropped without a trace.
 * @example
 * const reader = new TableReader({ file: "api:sheet-42", format: "csv" }, resolveParseOptions({ file: "api:sheet-42" }));
 * rows.forEach((cells, i) => reader.push({ row: i + 1, cells }));
 * const { recommendations, diagnostics, sources } = reader.finish();
 */
export class TableReader {
  private readonly info: TableInfo;
  private readonly opts: ResolvedParseOptions;
  private readonly buffer: TableRow[] = [];
  private layout: TableLayout | null = null;
  private builder: RecordBuilder | null = null;
  private language: Language | null = null;
  private title: string[] = [];
  private readonly titleInfo: TitleInfo = { stateUnderReview: null, cycle: null, session: null };
  private readonly counts: RowCounts = { header: 0, title: 0, section: 0, blank: 0, continuation: 0, skipped: 0, recommendation: 0 };
  private rows = 0;
  private cluster: ClusterRef | null = null;
  private sectionPosition: PositionReading | null = null;
  private blankRun: { start: number; end: number } | null = null;
  private last: Recommendation | null = null;
  /** Rows joined to the last recommendation so far. */
  private joins = 0;
  /** Cells of the last recommendation row, to recognise cells merged down from it. */
  private lastCells: readonly string[] | null = null;
  // First sighting of each paragraph id: only what the duplicate diagnostics quote, so drained
  // recommendations are not held.
  private readonly seen = new Map<string, { row: number | undefined; position: Recommendation["position"]; positionRaw: string | null }>();
  private drained = 0;
  private readonly recommendations: Recommendation[] = [];
  private readonly diagnostics: Diagnostic[] = [];

  constructor(info: TableInfo, options: ResolvedParseOptions) {
    this.info = info;
    this.opts = options;
    if (info.title) this.absorbTitle(info.title);
  }

  /**
   * Feed the next row. `plain` (for readers in this package): the caller has checked that no cell
   * holds a character cleanCell() would change (see CsvRows.isPlain), so cells are only trimmed.
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
    if (this.layout) {
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
   * At most `max` recommendations are handed over (the oldest).
   * @example
   * if (reader.pending >= 5000) send(reader.drain());
   */
  drain(max = Number.POSITIVE_INFINITY): { recommendations: Recommendation[]; diagnostics: Diagnostic[] } {
    const keep = this.recommendations.length > 0 ? 1 : 0;
    const recommendations = this.recommendations.splice(0, Math.min(max, this.recommendations.length - keep));
    this.drained += recommendations.length;
    return { recommendations, diagnostics: this.diagnostics.splice(0) };
  }

  /** Finish the table and return what was read. */
  finish(): ParseResult {
    if (!this.layout) this.decide();
    this.flushBlank();
    for (const [label, place] of this.builder?.unknownThemes ?? []) {
      this.diagnostics.push({ code: "unknown-theme", severity: "info", message: `Theme ${quote(label, 200)} is not in the UHRI taxonomy shipped with upr-matrix; kept as written.`, place, actual: label });
    }
    const layout = this.layout!;
    const source: Source = {
      file: this.info.file,
      format: this.info.format,
      ...(this.info.sheet !== undefined ? { sheet: this.info.sheet } : {}),
      layout: layout.layout,
      language: this.language,
      rows: this.rows,
      recommendations: this.drained + this.recommendations.length,
      rowCounts: this.counts,
      columns: layout.columns.map((c) => ({ column: c.index + 1, header: c.header, field: c.field })),
      title: this.title.length ? this.title.join("\n") : null,
      stateUnderReview: this.titleInfo.stateUnderReview,
      cycle: this.titleInfo.cycle,
      session: this.titleInfo.session,
    };
    return { recommendations: this.recommendations, diagnostics: this.diagnostics, sources: [source] };
  }

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
    this.titleInfo.stateUnderReview ??= info.stateUnderReview ? stateName(info.stateUnderReview) : null;
    this.titleInfo.cycle ??= info.cycle;
    this.titleInfo.session ??= info.session;
    if (!this.language) {
      if (/^\s*(?:UPR|Universal Periodic Review)\b/i.test(t)) this.language = "en";
      else if (/\bEPU\s+(?:du|de la|de l|des)\b|Examen périodique/i.test(t)) this.language = "fr";
      else if (/\bEPU\s+del?\b|Examen Periódico/i.test(t)) this.language = "es";
    }
  }

  /** Detect the layout from the buffered rows, then replay them: title rows, header rows, the rest. */
  private decide(): void {
    const rows = this.buffer.splice(0);
    const layout = detectLayout(rows, this.info, this.opts);
    this.layout = layout;
    this.language = layout.language ?? this.language;
    for (const d of layout.diagnostics) this.diagnostics.push(d);
    // Rows above the header are the title: read before any recommendation is built.
    const start = Math.max(0, layout.headerAt);
    for (let i = 0; i < start; i++) {
      const r = rows[i]!;
      if (isBlank(r.cells)) this.countBlank(r.row);
      else {
        this.flushBlank();
        this.counts.title++;
        this.absorbTitle(spanningText(r.cells) ?? r.cells.filter(Boolean).join(" "));
      }
    }
    this.builder = new RecordBuilder(this.info, this.opts, layout, this.titleInfo, this.diagnostics);
    for (let i = start; i < rows.length; i++) {
      const r = rows[i]!;
      if (layout.headerRows.has(r.row)) {
        this.flushBlank();
        this.counts.header++;
      } else this.interpret(r);
    }
  }

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

  /** Tell what a row is, and count it. */
  private interpret(r: TableRow): void {
    const layout = this.layout!;
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
    if (layout.unusable) {
      this.counts.skipped++;
      return;
    }

    // Theme header rows: one text spanning the table ("Theme: A12 ..."), or a lone known theme label.
    if (spanning && span !== null) {
      const theme = readThemeHeader(span);
      const loneLabel = filled === 1 && cells[0] === span && !fieldValue(layout, cells, "position") && !readIdPrefix(span);
      if (theme) {
        this.section(theme);
        return;
      }
      if (loneLabel || filled > 1) {
        const known = span.length < 150 ? findTheme(span) : undefined;
        if (known && (filled > 1 || span.length < 100)) {
          this.section({ code: known.code, name: span });
          return;
        }
        const pos = readPositionSection(span);
        if (pos) {
          this.counts.section++;
          this.sectionPosition = pos;
          return;
        }
      }
      if (filled > 1 && layout.headerRows.size > 0 && repeatsHeader(layout, cells, true)) {
        this.counts.header++; // the header repeated further down (pasted tables)
        return;
      }
    }
    if (layout.headerRows.size > 0 && filled > 1 && repeatsHeader(layout, cells, false)) {
      this.counts.header++;
      return;
    }
    this.readRecommendationRow(r);
  }

  private section(theme: ClusterRef): void {
    this.counts.section++;
    this.cluster = theme;
    this.sectionPosition = null;
  }

  /** Is any cell outside the text column(s) filled? */
  private otherFilled(cells: readonly string[]): boolean {
    const text = this.layout!.mapping.get("text");
    const above = this.lastCells;
    for (let i = 0; i < cells.length; i++) {
      // A cell equal to the one above is a merged cell running down (a theme column), not new content.
      if (cells[i] && !(text ?? []).includes(i) && cells[i] !== above?.[i]) return true;
    }
    return false;
  }

  private readRecommendationRow(r: TableRow): void {
    const builder = this.builder!;
    const cells = r.cells;
    const row = builder.readText(cells);
    const { paragraphId, parsed } = row;

    // A recommendation whose text runs over two rows: no id, no position, only text, after an open text.
    // Only a recommendation with a paragraph id can be split (the id is on its first row), and at most
    // over a few rows: a plain list of texts is a list of recommendations, and joining stays linear.
    if (
      !paragraphId && !row.positionCell && parsed.text && this.last?.paragraphId && this.joins < MAX_JOINED_ROWS &&
      !this.otherFilled(cells) && continues(this.last, parsed.text)
    ) {
      this.joins++;
      this.last.text = `${this.last.text}\n${parsed.text}`;
      // States of the joined text: the new part, and a group that the join completed across the break.
      const more = readRecommendationCell(this.last.text.slice(-2000), !this.layout!.mapping.has("recommendingStates"));
      this.last.recommendingStates = mergeStates(this.last.recommendingStates, more.recommendingStates);
      this.counts.continuation++;
      this.diag("split-recommendation", "warning", `Row continues the text of recommendation ${plain(this.last.id)} (row ${this.last.place.row}); joined to it.`, builder.placeOf(r, "text"), { actual: parsed.text.slice(0, 200) });
      return;
    }

    if (!paragraphId && !parsed.text) {
      // Neither id nor text: a row we cannot read as a recommendation. Report it, quoting it.
      this.counts.skipped++;
      const shown = cells.filter(Boolean).join(" | ").slice(0, 200);
      this.diag("unparsed-row", "warning", `Row has no recommendation text or id; not read as a recommendation: ${quote(shown, 200)}.`, builder.placeOf(r), { actual: shown });
      return;
    }

    const rec = builder.build(r, row, this.cluster, this.sectionPosition);
    if (!parsed.text) {
      this.diag("empty-text", "error", `Recommendation ${plain(rec.id)} has no text.`, builder.placeOf(r, "text"));
    }
    if (paragraphId) {
      // By id: the parts of a split recommendation ("144.44-P1", "144.44-P2") share a paragraph id.
      const key = `${rec.stateUnderReview ?? ""}\u0000${rec.cycle ?? ""}\u0000${rec.id}`;
      const before = this.seen.get(key);
      if (before) {
        if (before.position !== rec.position) {
          this.diag("conflicting-position", "warning", `Recommendation ${plain(paragraphId)} appears again (first at row ${before.row}) with another position: ${quote(before.positionRaw ?? "", 120)} then ${quote(rec.positionRaw ?? "", 120)}. Both kept.`, builder.placeOf(r, "position"), { actual: rec.positionRaw ?? "" });
        } else {
          this.diag("duplicate-id", "warning", `Paragraph id ${plain(paragraphId)} appears again (first at row ${before.row}). Both kept.`, builder.placeOf(r, "id"), { actual: paragraphId });
        }
      } else this.seen.set(key, { row: rec.place.row, position: rec.position, positionRaw: rec.positionRaw });
    } else if (this.layout!.layout === "ohchr-matrix" || this.layout!.mapping.has("id")) {
      this.diag("missing-id", "warning", `Recommendation without a paragraph id; identified as ${plain(rec.id)}.`, builder.placeOf(r, "text"), { actual: parsed.text.slice(0, 120) });
    }

    this.counts.recommendation++;
    this.recommendations.push(rec);
    this.last = rec;
    this.lastCells = cells;
    this.joins = 0;
  }

  private diag(code: Code, severity: Severity, message: string, at: Partial<Place>, more: DiagnosticMore = {}): void {
    this.diagnostics.push(tableDiagnostic(this.info, code, severity, message, at, more));
  }
}

/** Does `text` (a row with text only) continue the previous recommendation? */
function continues(prev: Recommendation, text: string): boolean {
  if (!prev.text) return false;
  const open = !/[;.)!?]\s*$/.test(prev.text);
  const lower = /^[a-zà-ÿ(,;]/.test(text);
  return open || lower;
}
