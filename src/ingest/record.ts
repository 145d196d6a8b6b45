// The record builder: one table row, read by its layout, becomes a Recommendation (and the diagnostics
// its cells call for). Everything that is the same for every row of a table is worked out once.
import type { Diagnostic, Code, Severity } from "../schema/diagnostic.js";
import type { Place } from "../schema/place.js";
import type { ActionCategory, IssueLabel, PersonLabel, Recommendation, SdgLabel, ThemeLabel } from "../schema/recommendation.js";
import { columnLetter } from "../internal/columns.js";
import { quote } from "../internal/quote.js";
import type { PositionReading } from "../classify/position.js";
import { cleanLine } from "../internal/text.js";
import { normalizeId, readIdCode, readSourceOfPosition, reportSymbol, type RecommendationCell } from "./cell.js";
import { actionCategoryCell, EMPTY, intCell, issueLabelsCell, NO_THEMES, personsCell, positionCell, sdgCell, stateName, statesCell, textCell, themesCell } from "./cell-readers.js";
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

const EXPECTED_POSITIONS = ["Supported", "Noted", "Supported/Noted", "Accepted", "Pending", "Soutenue", "Notée", "Apoyada", "Se toma nota"];

/** The 0-based column of each field, UNMAPPED or MERGED: numbers read on every row without a keyed lookup. */
interface Columns {
  id: number; text: number; recommendingStates: number; stateUnderReview: number; position: number; themes: number;
  cluster: number; affectedPersons: number; sdgs: number; actionCategory: number; issues: number; session: number;
  cycle: number; documentSymbol: number; assessment: number; status: number; institutions: number;
}

/**
 * Unmapped columns' cells of a table repeat (regional groups, organisations): rows holding the same
 * share one `extra`, up to this many distinct values in all (the rest get their own).
 */
const MAX_SHARED_EXTRA = 65_536;

/**
 * Builds the recommendations of one table once its layout is known: reads the id, text, position and
 * label cells of each row, fills in what the title or the options say, and reports cells it cannot read.
 * What is the same for every row is worked out once, and the sub-objects that repeat from row to row
 * (empty lists, issue and action category labels from the file, a States list, the unmapped columns'
 * cells) are shared between recommendations and frozen: copy one to change it.
 * @example
 * const builder = new RecordBuilder(info, opts, layout, titleInfo, diagnostics);
 * const rec = builder.build(row, builder.readText(row.cells), null, null);
 */
export class RecordBuilder {
  /** Unknown theme labels, each with the first place seen (reported once, by the table reader). */
  readonly unknownThemes = new Map<string, Place>();
  /** Unmapped columns (index, display name). */
  private readonly extraColumns: { index: number; name: string }[] = [];
  /** `extra` lists by their cells, column after column, shared by the rows that hold the same; and how many values it holds. */
  private readonly extras: ExtraNode = {};
  private shared = 0;
  // The last row's way down that tree, column by column: consecutive rows mostly repeat their first
  // values (the State under review's group), which are then matched by comparing, not by hashing.
  private readonly lastValues: string[] = [];
  private readonly lastNodes: ExtraNode[] = [];
  /** How many of lastValues and lastNodes are the last row's. */
  private lastDepth = 0;
  private readonly col: Columns;
  /** Guess recommending States from the end of the text (no States column). */
  private readonly tailStates: boolean;
  /** The State, cycle and session rows get when their own columns say nothing. */
  private readonly defaults: { stateUnderReview: string | null; session: number | null; cycle: number | null };

  constructor(
    private readonly info: TableInfo,
    opts: ResolvedParseOptions,
    private readonly layout: TableLayout,
    title: TitleInfo,
    private readonly diagnostics: Diagnostic[],
  ) {
    for (const col of layout.columns) {
      if (col.field) continue;
      this.extraColumns.push({ index: col.index, name: col.header || `Column ${columnLetter(col.index + 1)}` });
    }
    this.col = { ...layout.columnOf };
    this.tailStates = layout.columnOf.recommendingStates === UNMAPPED;
    // Title rows come before any recommendation row: what they say is known now.
    this.defaults = { stateUnderReview: title.stateUnderReview ?? opts.stateUnderReview ?? null, session: title.session ?? opts.session ?? null, cycle: title.cycle ?? opts.cycle ?? null };
  }

  /** A row's cell by field. */
  value(cells: readonly string[], field: Field): string {
    return fieldValue(this.layout, cells, field);
  }

  /** A row's cell by the column of a field (`field` names it for merged columns). */
  private at(cells: readonly string[], col: number, field: Field): string {
    if (col >= 0) return cells[col] ?? "";
    return col === UNMAPPED ? "" : fieldValue(this.layout, cells, field);
  }

  /** Read the id, text and position cells of a row. */
  readText(cells: readonly string[]): RowText {
    const c = this.col;
    const textCellValue = this.at(cells, c.text, "text");
    const idCell = this.at(cells, c.id, "id");
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
    return { paragraphId, strayId, code: code && { ...code, keep: keepCode }, parsed, positionCell: this.at(cells, c.position, "position") };
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

  /** Build the recommendation of a row whose text or id was found, under its theme cluster and position section. */
  build(r: TableRow, row: RowText, cluster: ClusterRef | null, sectionPosition: PositionReading | null): Recommendation {
    const cells = r.cells;
    const c = this.col;
    const { parsed, paragraphId, strayId } = row;

    // Labels the file gives. Theme, person and SDG labels are copied (a cluster may be put first);
    // issue and action category labels are shared.
    const themesText = this.at(cells, c.themes, "themes");
    const read: ThemesCell = themesText ? themesCell(themesText) : NO_THEMES;
    for (const u of read.unknownThemes) if (!this.unknownThemes.has(u)) this.unknownThemes.set(u, this.placeOf(r, "themes"));
    let themes: ThemeLabel[] = read.themes.length ? read.themes.map((t) => ({ ...t })) : (EMPTY as never[]);
    const personsText = this.at(cells, c.affectedPersons, "affectedPersons");
    let persons: PersonLabel[] = EMPTY as never[];
    if (read.persons.length || personsText) {
      persons = read.persons.map((p) => ({ ...p }));
      for (const [clean, name] of personsText ? personsCell(personsText) : []) {
        if (!persons.some((p) => p.name === clean)) persons.push({ name, source: "matrix" });
      }
    }
    const sdgText = this.at(cells, c.sdgs, "sdgs");
    let sdgs: SdgLabel[] = EMPTY as never[];
    if (read.sdgs.length || sdgText) {
      sdgs = read.sdgs.map((x) => ({ ...x }));
      if (sdgText) {
        const goals = sdgCell(sdgText);
        for (const x of goals.read) if (!sdgs.some((y) => y.goal === x.goal)) sdgs.push({ ...x });
        if (sdgs.length === 0) {
          for (const n of goals.numbers) if (n >= 1 && n <= 17 && !sdgs.some((y) => y.goal === n)) sdgs.push({ goal: n, source: "matrix" });
        }
      }
    }
    const issuesText = this.at(cells, c.issues, "issues");
    const issues = (issuesText ? issueLabelsCell(issuesText) : EMPTY) as IssueLabel[];
    let actionCategory: ActionCategory | null = null;
    const actionText = this.at(cells, c.actionCategory, "actionCategory");
    if (actionText) {
      const n = actionCategoryCell(actionText);
      if (n !== null) actionCategory = ACTION_LABELS[n - 1]!;
      else this.diag("invalid-field", "warning", `Action category ${quote(actionText, 120)} is not a number from 1 to 5; ignored.`, this.placeOf(r, "actionCategory"), { actual: actionText, expected: ["1", "2", "3", "4", "5"] });
    }

    const statesFromColumn = this.at(cells, c.recommendingStates, "recommendingStates");
    const recommendingStates = statesFromColumn
      ? parsed.recommendingStates.length ? mergeStates(statesCell(statesFromColumn), parsed.recommendingStates) : (statesCell(statesFromColumn) as string[])
      : parsed.recommendingStates;
    for (const u of parsed.unknownStates) {
      this.diag("unknown-state", "info", `${quote(u, 120)} looks like a recommending State but is not in the list of States; kept as written.`, this.placeOf(r, "text"), { actual: u });
    }

    const cell = row.positionCell ? positionCell(row.positionCell) : null;
    const positionRaw = cell?.raw ?? null;
    const reading = cell ? cell.reading : sectionPosition;
    const position = reading?.position ?? "unknown";
    if (positionRaw && position === "unknown") {
      this.diag("unknown-position", "warning", `Position ${quote(positionRaw, 120)} is not a known wording (English, French or Spanish); read as unknown.`, this.placeOf(r, "position"), {
        actual: positionRaw,
        expected: EXPECTED_POSITIONS,
      });
    }

    // The file's own columns first, then its title, then what the caller said.
    const sessionCell = this.at(cells, c.session, "session");
    const cycleCell = this.at(cells, c.cycle, "cycle");
    const d = this.defaults;
    const session = sessionCell ? intCell(sessionCell) : d.session;
    const cycle = cycleCell ? intCell(cycleCell) : (d.cycle ?? (session ? cycleOfSession(session) : null));
    if (sessionCell && session === null) this.notANumber(r, "session", sessionCell);
    if (cycleCell && cycle === null) this.notANumber(r, "cycle", cycleCell);
    const surCell = this.at(cells, c.stateUnderReview, "stateUnderReview");
    const stateUnderReview = surCell ? stateName(surCell) : d.stateUnderReview;
    let documentSymbol = this.at(cells, c.documentSymbol, "documentSymbol") || null;
    let positionSource = parsed.positionSource;
    let positionSourceParagraph = parsed.positionSourceParagraph;
    if (!positionSource && documentSymbol) {
      const src = readSourceOfPosition(`Source of position: ${documentSymbol}`);
      positionSource = src?.symbol ?? null;
      positionSourceParagraph ??= src?.paragraph ?? null;
    }
    if (documentSymbol) documentSymbol = reportSymbol(documentSymbol.replace(/\s+/g, ""));
    else if (positionSource) documentSymbol = reportSymbol(positionSource);

    const clusterCell = this.at(cells, c.cluster, "cluster");
    const recCluster = clusterCell ? (readThemeHeader(`Theme: ${clusterCell}`) ?? cluster) : cluster;
    if (recCluster && !themes.some((t) => t.name === recCluster.name || (t.code !== null && t.code === recCluster.code))) {
      themes = [{ code: recCluster.code, name: recCluster.name, source: "matrix" }, ...themes];
    }

    const institutions = this.at(cells, c.institutions, "institutions");
    const extra = this.extra(cells);
    return {
      // The parts of a split recommendation are recommendations of their own: "144.44-P1", "144.44-P2".
      id: paragraphId ? (row.code?.part ? `${paragraphId}-P${row.code.part}` : paragraphId) : `${this.info.idPrefix ?? ""}row-${r.row}`,
      paragraphId,
      text: parsed.text,
      recommendingStates,
      stateUnderReview,
      cycle,
      session,
      documentSymbol,
      position,
      positionRaw,
      positionSource,
      positionSourceParagraph,
      cluster: recCluster,
      themes,
      affectedPersons: persons,
      sdgs,
      issues,
      actionCategory,
      assessment: this.at(cells, c.assessment, "assessment") || null,
      status: this.at(cells, c.status, "status") || null,
      institutions: institutions ? institutions.split(/\s*[;\n]\s*/).filter(Boolean) : (EMPTY as never[]),
      extra: strayId || row.code?.keep ? [{ column: this.layout.columns[this.layout.mapping.get("id")![0]!]?.header || "id", value: strayId ?? row.code!.raw }, ...extra] : (extra as { column: string; value: string }[]),
      place: this.placeOf(r),
    };
  }

  private notANumber(r: TableRow, field: "session" | "cycle", cell: string): void {
    this.diag("invalid-field", "warning", `${field === "session" ? "Session" : "Cycle"} ${quote(cell, 120)} is not a positive whole number; ignored.`, this.placeOf(r, field), { actual: cell });
  }

  /** The unmapped columns' cells (and those beyond the header's width), as `extra`: shared by rows that hold the same. */
  private extra(cells: readonly string[]): readonly { column: string; value: string }[] {
    const columns = this.extraColumns;
    const width = this.layout.columns.length;
    if (cells.length > width) return this.ownExtra(cells);
    // The lists already made, by their cells column after column (no key string to build and hash).
    let node: ExtraNode = this.extras;
    let any = false;
    let same = true;
    for (let i = 0; i < columns.length; i++) {
      const v = cells[columns[i]!.index] ?? "";
      if (v) any = true;
      if (same && i < this.lastDepth && v === this.lastValues[i]) {
        node = this.lastNodes[i]!;
        continue;
      }
      same = false;
      let next = node.next?.get(v);
      if (!next) {
        if (this.shared >= MAX_SHARED_EXTRA || v.length > 200) return any ? this.ownExtra(cells) : EMPTY;
        next = {};
        (node.next ??= new Map()).set(` ${v}`.slice(1), next);
        this.shared++;
      }
      node = next;
      this.lastValues[i] = v;
      this.lastNodes[i] = node;
      this.lastDepth = i + 1; // what lies deeper was another row's way
    }
    if (!any) return EMPTY;
    return (node.list ??= this.ownExtra(cells));
  }

  /** A new `extra` for a row: its unmapped cells, then those beyond the header's width. */
  private ownExtra(cells: readonly string[]): readonly { column: string; value: string }[] {
    const out: { column: string; value: string }[] = [];
    for (const col of this.extraColumns) {
      const v = cells[col.index];
      if (v) out.push(Object.freeze({ column: col.name, value: v }));
    }
    for (let i = this.layout.columns.length; i < cells.length; i++) {
      const v = cells[i];
      if (v) out.push(Object.freeze({ column: `Column ${columnLetter(i + 1)}`, value: v }));
    }
    return out.length ? Object.freeze(out) : EMPTY;
  }
}

/** A step in the tree of shared `extra` lists: the next column's values, and the list where the path ends. */
interface ExtraNode {
  next?: Map<string, ExtraNode>;
  list?: readonly { column: string; value: string }[];
}

/** The action category labels a file can give: one object each, shared. */
const ACTION_LABELS: readonly ActionCategory[] = [1, 2, 3, 4, 5].map((category) => Object.freeze({ category, source: "matrix" as const }));

/**
 * States of `a`, then those of `b` not in `a`, in a new list.
 * @example
 * mergeStates(["France"], ["Chile", "France"]); // ["France", "Chile"]
 */
export function mergeStates(a: readonly string[], b: readonly string[]): string[] {
  const out = a.slice();
  for (const s of b) if (!out.includes(s)) out.push(s);
  return out;
}
