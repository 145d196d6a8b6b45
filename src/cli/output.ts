// Writers for the parse command's formats, fed file by file (and part by part) so outputs stream.
import { stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Diagnostic } from "../schema/diagnostic.js";
import type { Position } from "../schema/recommendation.js";
import type { ParseResult } from "../schema/result.js";
import type { Source } from "../schema/source.js";
import { countBy, groupBy, mergeWith, takeWhile, uniqBy } from "lodash-es";
import { countBySeverity } from "../diagnostics/format.js";
import type { OutputSink } from "./io.js";

/** The formats of `upr-matrix parse`. */
export const FORMATS = ["json", "jsonl", "summary"] as const;
export type Format = (typeof FORMATS)[number];

/** A result to write: recommendations as objects, or already rendered as text (processFiles' `render`). */
export type Written = ParseResult & { rendered?: Uint8Array; count?: number; path?: string; final?: boolean };

/** Takes the results of a batch in order; end() writes what is left, abort() gives up (no file written). */
export interface FormatWriter {
  add(part: Written): Promise<void>;
  end(): Promise<void>;
  abort(): Promise<void>;
}

const indent = (json: string, pad: string) => pad + json.replace(/\n/g, `\n${pad}`);

/**
 * One JSON document `{ recommendations, diagnostics, sources }`, byte for byte what
 * `JSON.stringify(result, null, 2)` prints, with the recommendations written as they come.
 */
export class JsonWriter implements FormatWriter {
  private started = false;
  private first = true;
  private readonly diagnostics: Diagnostic[] = [];
  private readonly sources: Source[] = [];
  constructor(private readonly sink: OutputSink) {}

  async add(part: Written): Promise<void> {
    let text = this.started ? "" : '{\n  "recommendations": [';
    this.started = true;
    if (part.rendered && part.count) {
      await this.sink.write(`${text}${this.first ? "\n" : ",\n"}`);
      await this.sink.write(part.rendered);
      text = "";
      this.first = false;
    }
    for (const r of part.recommendations) {
      text += `${this.first ? "\n" : ",\n"}${indent(JSON.stringify(r, null, 2), "    ")}`;
      this.first = false;
    }
    for (const d of part.diagnostics) this.diagnostics.push(d);
    for (const s of part.sources) this.sources.push(s);
    if (text) await this.sink.write(text);
  }

  async end(): Promise<void> {
    let text = this.started ? "" : '{\n  "recommendations": [';
    text += this.first ? "]" : "\n  ]";
    text += `,\n  "diagnostics": ${indent(JSON.stringify(this.diagnostics, null, 2), "  ").slice(2)}`;
    text += `,\n  "sources": ${indent(JSON.stringify(this.sources, null, 2), "  ").slice(2)}\n}\n`;
    await this.sink.write(text);
    await this.sink.close();
  }

  abort(): Promise<void> {
    return this.sink.abort();
  }
}

/** JSON Lines: one recommendation per line, for outputs too large for one document. */
export class JsonlWriter implements FormatWriter {
  constructor(private readonly sink: OutputSink) {}
  async add(part: Written): Promise<void> {
    if (part.rendered) await this.sink.write(part.rendered);
    let text = "";
    for (const r of part.recommendations) text += `${JSON.stringify(r)}\n`;
    if (text) await this.sink.write(text);
  }
  async end(): Promise<void> {
    await this.sink.close();
  }
  abort(): Promise<void> {
    return this.sink.abort();
  }
}

const sourceKey = (file: string | undefined, sheet: string | undefined) => `${file ?? ""}\u0000${sheet ?? ""}`;
const add = (a: number | undefined, b: number) => (a ?? 0) + b;

/** A short report per source (layout, State, cycle, rows, positions), then totals. */
export class SummaryWriter implements FormatWriter {
  private readonly sources: Source[] = [];
  // Positions per source (file + sheet), counted as recommendations pass.
  private readonly positions: Record<string, Partial<Record<Position, number>>> = {};
  private recommendations = 0;
  private readonly counts = { error: 0, warning: 0, info: 0 };
  constructor(private readonly sink: OutputSink) {}

  async add(part: Written): Promise<void> {
    const bySource = groupBy(part.recommendations, (r) => sourceKey(r.place.file, r.place.sheet));
    for (const [key, recs] of Object.entries(bySource)) mergeWith((this.positions[key] ??= {}), countBy(recs, "position"), add);
    this.recommendations += part.recommendations.length;
    mergeWith(this.counts, countBySeverity(part.diagnostics), add);
    this.sources.push(...part.sources);
  }

  async end(): Promise<void> {
    const lines: string[] = [];
    for (const s of this.sources) {
      if (s.recommendations === 0 && s.layout === "unknown") continue;
      const pos = this.positions[sourceKey(s.file, s.sheet)] ?? {};
      const who = [s.stateUnderReview, s.cycle ? `cycle ${s.cycle}` : null, s.session ? `session ${s.session}` : null].filter(Boolean).join(", ");
      lines.push(`${s.file}${s.sheet ? ` [${s.sheet}]` : ""}: ${s.layout}${s.language ? ` (${s.language})` : ""}${who ? `, ${who}` : ""}`);
      const c = s.rowCounts;
      lines.push(`  ${s.rows} rows: ${s.recommendations} recommendations, ${c.section} ${s.layout === "wg-report" ? "numbered paragraphs" : "theme rows"}, ${c.header + c.title} header/title rows${c.blank ? `, ${c.blank} blank` : ""}${c.continuation ? `, ${c.continuation} continuation` : ""}${c.skipped ? `, ${c.skipped} skipped` : ""}`);
      lines.push(`  positions: ${Object.entries(pos).map(([k, v]) => `${k} ${v}`).join(", ") || "none"}`);
    }
    lines.push(`Total: ${this.recommendations} recommendations from ${uniqBy(this.sources, "file").length} file(s); ${this.counts.error} errors, ${this.counts.warning} warnings, ${this.counts.info} notes.`);
    await this.sink.write(`${lines.join("\n")}\n`);
    await this.sink.close();
  }

  abort(): Promise<void> {
    return this.sink.abort();
  }
}

/**
 * A writer for one format to one sink.
 * @example
 * const writer = formatWriter("jsonl", await ctx.openSink("out.jsonl"));
 */
export function formatWriter(format: Format, sink: OutputSink): FormatWriter {
  return format === "json" ? new JsonWriter(sink) : format === "jsonl" ? new JsonlWriter(sink) : new SummaryWriter(sink);
}

const EXTENSION: Record<Format, string> = { json: ".json", jsonl: ".jsonl", summary: ".txt" };

/** The folder all `files` are in (their longest common parent). */
function commonFolder(files: readonly string[]): string {
  const dirs = files.map((f) => dirname(resolve(f)).split(sep));
  return takeWhile(dirs[0], (part, i) => dirs.every((d) => d[i] === part)).join(sep) || sep;
}

/**
 * One output per input file, in a folder: `out/<path below the inputs' common folder>.<ext>.json`
 * (the input's extension is kept, so `a.csv` and `a.xlsx` do not collide).
 */
export class FolderWriter implements FormatWriter {
  private current: { path: string; writer: FormatWriter } | null = null;
  private readonly base: string;
  readonly written: string[] = [];
  constructor(
    private readonly folder: string,
    private readonly format: Format,
    files: readonly string[],
    private readonly open: (path: string) => Promise<OutputSink>,
  ) {
    this.base = commonFolder(files);
  }

  /** Where the output of `file` goes. */
  target(file: string): string {
    const rel = relative(this.base, resolve(file));
    const safe = rel.startsWith("..") || isAbsolute(rel) ? rel.replace(/^([/\\]|\.\.[/\\])+/, "") : rel;
    return join(this.folder, `${safe}${EXTENSION[this.format]}`);
  }

  async add(part: Written): Promise<void> {
    const path = part.path ?? "input";
    if (!this.current || this.current.path !== path) {
      await this.current?.writer.end();
      const target = this.target(path);
      this.written.push(target);
      this.current = { path, writer: formatWriter(this.format, await this.open(target)) };
    }
    await this.current.writer.add(part);
    if (part.final !== false) {
      await this.current.writer.end();
      this.current = null;
    }
  }

  async end(): Promise<void> {
    await this.current?.writer.end();
    this.current = null;
  }

  async abort(): Promise<void> {
    await this.current?.writer.abort();
    this.current = null;
  }
}

/**
 * Is `out` a folder (one output per input)? It is when it ends with a slash or is an existing folder.
 * @example
 * await isFolderTarget("results/"); // true
 */
export async function isFolderTarget(out: string | undefined): Promise<boolean> {
  if (!out || out === "-") return false;
  if (/[/\\]$/.test(out)) return true;
  return (await stat(out).catch(() => null))?.isDirectory() ?? false;
}
