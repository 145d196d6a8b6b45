// Where the row sources (csv.ts, xlsx.ts, docx.ts) put what they read: tables and rows, pushed one at
// a time. TableSink reads them into recommendations (a TableReader per table) and hands the result over
// whole or in parts: whole and streamed reads run the same code.
import type { Diagnostic } from "../schema/diagnostic.js";
import type { Recommendation } from "../schema/recommendation.js";
import type { ParseResult } from "../schema/result.js";
import type { ResolvedParseOptions } from "./options.js";
import { failed, mergeResults, noteOtherTables } from "./result.js";
import type { Table, TableInfo, TableRow } from "./table.js";
import { TableReader } from "./table-reader.js";
import { ZipError } from "./zip.js";

const isDiagnostic = (x: unknown): x is Diagnostic => typeof x === "object" && x !== null && "code" in x && "severity" in x && "message" in x && !(x instanceof Error);

/** What a row source pushes rows into. */
export interface RowSink {
  /** A table starts: the rows that follow are its rows. */
  table(info: TableInfo): void;
  /** The next row of the current table. `plain`: no cell holds a character cleanCell() would change. */
  row(row: TableRow, plain?: boolean): void;
  /** A diagnostic about the file as a whole (its encoding, a hidden sheet, a formula count...). */
  note(diagnostic: Diagnostic): void;
}

/** Recommendations and diagnostics handed over before the file is finished. */
export interface TablePart {
  recommendations: Recommendation[];
  diagnostics: Diagnostic[];
}

/**
 * Reads the tables a row source pushes into recommendations, one TableReader per table. `drain()`
 * hands over what is read so far (for streams); `finish()` returns the rest with the sources. When some
 * table holds recommendations, the others' `unknown-layout` becomes an `ignored-table` note (an
 * instructions sheet or a legend is not a problem).
 * @example
 * const sink = new TableSink(resolveParseOptions({ file: "a.xlsx" }));
 * for (const _ of xlsxRows(bytes, sink, options)) if (sink.pending > 5000) send(sink.drain());
 * const rest = sink.finish();
 */
export class TableSink implements RowSink {
  private readonly opts: ResolvedParseOptions;
  private notes: Diagnostic[] = [];
  private current: TableReader | null = null;
  /** Finished tables in file order; those with recommendations are emptied by drain() as they go. */
  private readonly finished: ParseResult[] = [];
  private tables = 0;
  /** Has anything been handed over by drain()? */
  private handedOver = false;

  constructor(opts: ResolvedParseOptions) {
    this.opts = opts;
  }

  table(info: TableInfo): void {
    this.close();
    const i = this.tables++;
    const idPrefix = info.idPrefix ?? (i === 0 ? "" : info.table !== undefined ? `t${info.table}-` : `${info.sheet ?? i + 1}:`);
    this.current = new TableReader({ ...info, idPrefix }, this.opts);
  }

  row(row: TableRow, plain = false): void {
    this.current!.push(row, plain);
  }

  note(diagnostic: Diagnostic): void {
    this.notes.push(diagnostic);
  }

  /** Tables started so far. */
  get tableCount(): number {
    return this.tables;
  }

  /** Recommendations read and not yet handed over. */
  get pending(): number {
    let n = this.current?.pending ?? 0;
    for (const r of this.finished) n += r.recommendations.length;
    return n;
  }

  /**
   * Hand over what is read so far: the notes, the finished tables that hold recommendations, and the
   * current table's recommendations but its last (a continuation row may still extend it); at most
   * `max` recommendations, the oldest first.
   */
  drain(max = Number.POSITIVE_INFINITY): TablePart {
    this.handedOver = true;
    const part: TablePart = { recommendations: [], diagnostics: this.notes };
    this.notes = [];
    let room = max;
    const take = (p: TablePart) => {
      for (const r of p.recommendations) part.recommendations.push(r);
      for (const d of p.diagnostics) part.diagnostics.push(d);
      room -= p.recommendations.length;
    };
    for (const r of this.finished) {
      if ((r.sources[0]?.recommendations ?? 0) === 0) continue; // kept for noteOtherTables
      const n = Math.min(room, r.recommendations.length);
      take({ recommendations: r.recommendations.splice(0, n), diagnostics: r.diagnostics.splice(0) });
    }
    if (this.current && room > 0) take(this.current.drain(room));
    return part;
  }

  /** Finish every table and return what was not handed over yet, with the sources of all tables. */
  finish(): ParseResult {
    this.close();
    noteOtherTables(this.finished);
    const notes = this.notes;
    this.notes = [];
    return mergeResults([{ recommendations: [], diagnostics: notes, sources: [] }, ...this.finished]);
  }

  /**
   * The source could not go on: `error` is a ZipError (its code is kept), the diagnostic to give, or
   * another error (its first line becomes a `corrupt-file` error). Before anything was handed over, the
   * file is reported as unreadable with that one error; after, what was handed over stands, the error
   * says the rest is not read, and the tables read so far are finished.
   */
  fail(error: unknown): ParseResult {
    const diagnostic: Diagnostic = isDiagnostic(error)
      ? error
      : {
          code: error instanceof ZipError ? error.code : "corrupt-file",
          severity: "error",
          message: ((error as Error)?.message?.split("\n")[0] ?? String(error)).slice(0, 400),
          place: { file: this.opts.file },
        };
    if (!this.handedOver) return failed(diagnostic);
    const rest = this.finish();
    return { ...rest, diagnostics: [...rest.diagnostics, { ...diagnostic, message: `${diagnostic.message} The rest of the file is not read.` }] };
  }

  private close(): void {
    if (!this.current) return;
    this.finished.push(this.current.finish());
    this.current = null;
  }
}

/**
 * A sink that keeps whole tables (rows as read, cells not cleaned) and the notes: for readers that want
 * the tables themselves (readXlsxTables, readDocxContent, a returned tracking workbook).
 * @example
 * const collect = new TablesCollector();
 * for (const _ of xlsxRows(bytes, collect, { hidden: true }));
 * collect.tables.map((t) => t.sheet);
 */
export class TablesCollector implements RowSink {
  readonly tables: Table[] = [];
  readonly notes: Diagnostic[] = [];

  table(info: TableInfo): void {
    this.tables.push({ ...info, rows: [] });
  }

  row(row: TableRow): void {
    this.tables[this.tables.length - 1]!.rows.push(row);
  }

  note(diagnostic: Diagnostic): void {
    this.notes.push(diagnostic);
  }
}

/**
 * Read whole tables (DOCX tables, XLSX sheets, rows of an app's own) with one TableReader each. When some
 * table holds recommendations, the others (an instructions sheet, a legend table) are noted, not flagged.
 * @example
 * const { recommendations } = readTables([{ file: "t.xlsx", format: "xlsx", sheet: "S", rows }], resolveParseOptions());
 */
export function readTables(tables: readonly Table[], opts: ResolvedParseOptions): ParseResult {
  const sink = new TableSink(opts);
  for (const { rows, ...info } of tables) {
    sink.table(info);
    for (const row of rows) sink.row(row);
  }
  return sink.finish();
}
