// The record builder: one table row, read by its layout, becomes a Recommendation (and the diagnostics
// its cells call for). Everything that is the same for every row of a table is worked out once.
import type { Diagnostic, Code, Severity } from "../schema/diagnostic.js";
import type { Place } from "../schema/place.js";
import type { Recommendation } from "../schema/recommendation.js";
import { columnLetter } from "../internal/columns.js";
import { quote } from "../internal/quote.js";
import type { PositionReading } from "../classify/position.js";
import { cleanLine } from "../internal/text.js";
import { normalizeId, readIdCode, readSourceOfPosition, reportSymbol, type RecommendationCell } from "./cell.js";
import { actionCategoryCell, intCell, issuesCell, NO_THEMES, personsCell, positionCell, sdgCell, stateName, statesCell, textCell, themesCell } from "./cell-readers.js";
import type { Field } from "./fields.js";
import { fieldValue, UNMAPPED, type TableLayout } from "./layout.js";
import type { ResolvedParseOptions } from "./options.js";
import { tableDiagnostic, type DiagnosticMore } from "./place.js";
import type { TableInfo, TableRow } from "./table.js";
import { readThemeHeader, type ThemesCell } from "./themes-cell.js";
import { cycleOfSession, type TitleInfo } from "./title.js";

/** A theme cluster: the theme header row a recommendation sits under. */
export type ClusterRef = { code: string | null; name: string };

/** The id, text and position cells of a row, read before deciding what kind of row it is. */
export interface RowText {
  /** The paragraph id, from an id column or the start of the text. */
  paragraphId: string | null;
  /** An id cell that is not an id (kept in `extra`). */
  strayId: string | null;
  /** A tracker's code ("R144.44P1"): its part ("1"), and the code as written (kept in `extra`). */
  code: { part: string | null; raw: string; keep: boolean } | null;
  /** The text cell split into id, text, States and source of position. */
  parsed: RecommendationCell;
  /** The position cell ("" when none). */
  positionCell: string;
}

/** What the rows above say, for the row being built: its theme cluster and a position section. */
export interface RowContext {
  cluster: ClusterRef | null;
  sectionPosition: PositionReading | null;
}

const EXPECTED_POSITIONS = ["Supported", "Noted", "Supported/Noted", "Accepted", "Pending", "Soutenue", "Notée", "Apoyada", "Se toma nota"];

/**
 * Builds the recommendations of one table once its layout is known: reads the id, text, position and
 * label cells of each row, fills in what the title or the options say, and reports cells it cannot read.
 * @example
 * const builder = new RecordBuilder(info, opts, layout, titleInfo, diagnostics);
 * const rec = builder.build(row, builder.readText(row), { cluster: null, sectionPosition: null });
 */
export class RecordBuilder {
  /** Unknown theme labels, each with the first place seen (reported once, by the table reader). */
  readonly unknownThemes = new Map<string, Place>();
  /** Unmapped columns (index, display name). */
  private readonly extraColumns: { index: number; name: string }[] = [];
  private readonly extraScratch: { column: string; value: string }[] = [];
  /** Guess recommending States from the end of the text (no States column). */
  private readonly tailStates: boolean;

  constructor(
    private readonly info: TableInfo,
    private readonly opts: ResolvedParseOptions,
    private readonly layout: TableLayout,
    private readonly title: TitleInfo,
    private readonly diagnostics: Diagnostic[],
  ) {
    for (const col of layout.columns) {
      if (col.field) continue;
      this.extraColumns.push({ index: col.index, name: col.header || `Column ${columnLetter(col.index + 1)}` });
    }
    this.tailStates = layout.columnOf.recommendingStates === UNMAPPED;
  }

  /** A row's cell by field. */
  value(cells: readonly string[], field: Field): string {
    return fieldValue(this.layout, cells, field);
  }

  /** Read the id, text and position cells of a row. */
  readText(cells: readonly string[]): RowText {
    const textCellValue = this.value(cells, "text");
    const idCell = this.value(cells, "id");
    // With a States column, States are not guessed from the last words of the text.
    const parsed = textCell(textCellValue, this.tailStates);
    // A tracker's code: a prefix and a part around the paragraph id ("R144.44P1").
    const idCode = idCell ? readIdCode(idCell) : null;
    const code = idCode && (idCode.prefix || idCode.part) ? { part: idCode.part, raw: idCell } : null;
    // An id written as upr-matrix writes a part ("143.2-P1", an export read back) is not kept again in `extra`.
    const keepCode = code !== null && cleanLine(idCell) !== `${idCode!.paragraphId}-P${idCode!.part}`;
    let paragraphId = idCell ? (idCode?.paragraphId ?? normalizeId(idCell)) : parsed.paragraphId;
    let strayId: string | null = null;
    if (idCell && paragraphId !== null && !/^[\p{L}\p{N}][\p{L}\p{N}.\-/]{0,19}$/u.test(paragraphId)) {
      strayId = idCell; // kept in `extra` below, or quoted in the unparsed-row diagnostic
      paragraphId = parsed.paragraphId;
    }
    if (idCell && parsed.paragraphId && parsed.paragraphId !== paragraphId) {
      parsed.text = `${parsed.paragraphId} ${parsed.text}`; // the number in the text is not the id: keep it
    }
    return { paragraphId, strayId, code: code && { ...code, keep: keepCode }, parsed, positionCell: this.value(cells, "position") };
  }

  /** The place of a row, or of one of its fields (column and A1 cell when the field is mapped). */
  placeOf(r: TableRow, field?: Field): Place {
    const info = this.info;
    // A recommendation's own place in a CSV: built whole, without growing the object (one per row).
    if (!field && r.line !== undefined && info.sheet === undefined && info.table === undefined) return { file: info.file, row: r.row, line: r.line };
    const p: Place = { file: info.file, row: r.row };
    if (info.sheet !== undefined) p.sheet = info.sheet;
    if (info.table !== undefined) p.table = info.table;
    if (r.line !== undefined) p.line = r.line;
    if (field) {
      const col = this.layout.mapping.get(field)?.[0];
      if (col !== undefined) {
        p.column = col + 1;
        p.cell = `${columnLetter(col + 1)}${r.row}`;
      }
      p.field = field;
    }
    return p;
  }

  /** A diagnostic about this table. */
  diag(code: Code, severity: Severity, message: string, at: Partial<Place>, more: DiagnosticMore = {}): void {
    this.diagnostics.push(tableDiagnostic(this.info, code, severity, message, at, more));
  }

  /** Build the recommendation of a row whose text or id was found. */
  build(r: TableRow, row: RowText, context: RowContext): Recommendation {
    const cells = r.cells;
    const { parsed, paragraphId, strayId } = row;
    const given = this.readLabels(cells, r);
    const statesFromColumn = this.value(cells, "recommendingStates");
    const recommendingStates = statesFromColumn ? mergeStates(statesCell(statesFromColumn), parsed.recommendingStates) : parsed.recommendingStates;
    for (const u of parsed.unknownStates) {
      this.diag("unknown-state", "info", `${quote(u, 120)} looks like a recommending State but is not in the list of States; kept as written.`, this.placeOf(r, "text"), { actual: u });
    }

    const positionRaw = row.positionCell || null;
    const reading = positionRaw ? positionCell(positionRaw) : context.sectionPosition;
    const position = reading?.position ?? "unknown";
    if (positionRaw && position === "unknown") {
      this.diag("unknown-position", "warning", `Position ${quote(positionRaw, 120)} is not a known wording (English, French or Spanish); read as unknown.`, this.placeOf(r, "position"), {
        actual: positionRaw,
        expected: EXPECTED_POSITIONS,
      });
    }

    const sessionCell = this.value(cells, "session");
    const cycleCell = this.value(cells, "cycle");
    // The file's own columns first, then its title, then what the caller said.
    const session = sessionCell ? intCell(sessionCell) : (this.title.session ?? this.opts.session ?? null);
    const cycle = cycleCell ? intCell(cycleCell) : (this.title.cycle ?? this.opts.cycle ?? (session ? cycleOfSession(session) : null));
    if (sessionCell && session === null) this.notANumber(r, "session", sessionCell);
    if (cycleCell && cycle === null) this.notANumber(r, "cycle", cycleCell);
    const surCell = this.value(cells, "stateUnderReview");
    const stateUnderReview = surCell ? stateName(surCell) : (this.title.stateUnderReview ?? this.opts.stateUnderReview ?? null);
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
    const cluster = clusterCell ? (readThemeHeader(`Theme: ${clusterCell}`) ?? context.cluster) : context.cluster;

    // The parts of a split recommendation are recommendations of their own: "144.44-P1", "144.44-P2".
    const id = paragraphId ? (row.code?.part ? `${paragraphId}-P${row.code.part}` : paragraphId) : `${this.info.idPrefix ?? ""}row-${r.row}`;
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
      extra: strayId || row.code?.keep ? [{ column: this.layout.columns[this.layout.mapping.get("id")![0]!]?.header || "id", value: strayId ?? row.code!.raw }, ...this.extra(cells)] : this.extra(cells),
      place: this.placeOf(r),
    };
    if (cluster && !rec.themes.some((t) => t.name === cluster.name || (t.code !== null && t.code === cluster.code))) {
      rec.themes.unshift({ code: cluster.code, name: cluster.name, source: "matrix" });
    }
    return rec;
  }

  private notANumber(r: TableRow, field: "session" | "cycle", cell: string): void {
    this.diag("invalid-field", "warning", `${field === "session" ? "Session" : "Cycle"} ${quote(cell, 120)} is not a positive whole number; ignored.`, this.placeOf(r, field), { actual: cell });
  }

  private readLabels(cells: readonly string[], r: TableRow) {
    const themesText = this.value(cells, "themes");
    const read: ThemesCell = themesText ? themesCell(themesText) : NO_THEMES;
    for (const u of read.unknownThemes) if (!this.unknownThemes.has(u)) this.unknownThemes.set(u, this.placeOf(r, "themes"));
    // Copies: memoised values are shared between rows, a Recommendation owns its labels.
    const themes = read.themes.length ? read.themes.map((t) => ({ ...t })) : [];
    const persons = read.persons.length ? read.persons.map((p) => ({ ...p })) : [];
    const personsText = this.value(cells, "affectedPersons");
    if (personsText) {
      for (const [clean, name] of personsCell(personsText)) {
        if (!persons.some((p) => p.name === clean)) persons.push({ name, source: "matrix" });
      }
    }
    const sdgs = read.sdgs.length ? read.sdgs.map((s) => ({ ...s })) : [];
    const sdgText = this.value(cells, "sdgs");
    if (sdgText) {
      const goals = sdgCell(sdgText);
      for (const s of goals.read) if (!sdgs.some((x) => x.goal === s.goal)) sdgs.push({ ...s });
      if (sdgs.length === 0) {
        for (const n of goals.numbers) if (n >= 1 && n <= 17 && !sdgs.some((x) => x.goal === n)) sdgs.push({ goal: n, source: "matrix" });
      }
    }
    // map() rather than push(): arrays of their own length (kept for the result's lifetime).
    const issuesText = this.value(cells, "issues");
    const issues: { name: string; source: "matrix" }[] = issuesText ? issuesCell(issuesText).map((name) => ({ name, source: "matrix" })) : [];
    let action: Recommendation["actionCategory"] = null;
    const actionText = this.value(cells, "actionCategory");
    if (actionText) {
      const n = actionCategoryCell(actionText);
      if (n !== null) action = { category: n, source: "matrix" };
      else this.diag("invalid-field", "warning", `Action category ${quote(actionText, 120)} is not a number from 1 to 5; ignored.`, this.placeOf(r, "actionCategory"), { actual: actionText, expected: ["1", "2", "3", "4", "5"] });
    }
    return { themes, persons, sdgs, issues, action };
  }

  private extra(cells: readonly string[]) {
    // Built in a scratch array, then copied: an array pushed into from empty keeps room for 17 entries.
    const out = this.extraScratch;
    out.length = 0;
    for (const col of this.extraColumns) {
      const v = cells[col.index];
      if (v) out.push({ column: col.name, value: v });
    }
    // Cells beyond the header's width are kept too.
    for (let i = this.layout.columns.length; i < cells.length; i++) {
      const v = cells[i];
      if (v) out.push({ column: `Column ${columnLetter(i + 1)}`, value: v });
    }
    const copy = out.slice();
    out.length = 0; // holds no cell after the row
    return copy;
  }
}

/** States of `a`, then those of `b` not in `a`. */
export function mergeStates(a: readonly string[], b: readonly string[]): string[] {
  const out = a.slice();
  for (const s of b) if (!out.includes(s)) out.push(s);
  return out;
}
