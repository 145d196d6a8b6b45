// One file to read, as processFiles hands it to a worker thread (or reads it in its own thread).
import type { ClassifyResult } from "../classify/classify.js";
import type { ClassifyOptions } from "../classify/options.js";
import type { ParseOptions } from "../ingest/options.js";
import type { Recommendation } from "../schema/recommendation.js";
import type { ParseResult } from "../schema/result.js";
import type { Part } from "./parts.js";
import { PartsConfig, readFileInParts } from "./read-parts.js";

/** How recommendations travel back: as objects, or already written as JSON text (see ProcessOptions.render). */
export type Render = "jsonl" | "json";

/** What the reader does to recommendations before they travel back (see ProcessOptions). */
export interface AfterRead {
  render?: Render;
  classify?: ClassifyOptions;
}

/** Main thread → worker. */
export type ToWorker =
  | { type: "read"; id: number; path: string; options: ParseOptions; config: PartsConfig; after: AfterRead }
  | { type: "ack"; id: number };

/** A part or the rest of a file, with its recommendations as objects or as text. */
export interface Delivery extends ParseResult {
  /** Recommendations in this delivery (also when they come as `rendered` text). */
  count: number;
  /** The recommendations as UTF-8 text, in a buffer of its own (moved, not copied, between threads). */
  rendered?: Uint8Array;
}

/** Worker → main thread. */
export type FromWorker =
  | { type: "part"; id: number; part: Delivery }
  | { type: "done"; id: number; result: Delivery };

/**
 * Recommendations as text: JSON Lines, or the pretty-printed elements of the `recommendations` array
 * of the JSON document (4-space indent, joined by ",\n"), exactly as JSON.stringify(doc, null, 2) has them.
 * @example
 * renderRecommendations(recs, "jsonl"); // '{"id":"117.1",...}\n{"id":"117.2",...}\n'
 */
export function renderRecommendations(recs: readonly Recommendation[], render: Render): string {
  // Joined, not appended one by one: a flat string encodes several times faster than a long rope.
  if (render === "jsonl") return recs.length ? `${recs.map((r) => JSON.stringify(r)).join("\n")}\n` : "";
  return recs.map((r) => `    ${JSON.stringify(r, null, 2).replace(/\n/g, "\n    ")}`).join(",\n");
}

type Label = (recs: readonly Recommendation[]) => ClassifyResult;

/** `text` as UTF-8 in a buffer of its own (Buffer.from puts short texts in a shared pool): it can be transferred. */
function ownUtf8(text: string): Uint8Array {
  const b = Buffer.from(text, "utf8");
  return b.byteOffset === 0 && b.buffer.byteLength === b.byteLength ? b : new Uint8Array(b);
}

function deliver(read: ParseResult, render: Render | undefined, label: Label | null): Delivery {
  let r = read;
  if (label && r.recommendations.length > 0) {
    const c = label(r.recommendations);
    r = { ...r, recommendations: c.recommendations, diagnostics: c.diagnostics.length ? [...r.diagnostics, ...c.diagnostics] : r.diagnostics };
  }
  if (!render) return { ...r, count: r.recommendations.length };
  // Encoded here, in the worker: the main thread only writes the bytes, and a buffer of its own (not
  // Buffer's shared pool) can be transferred rather than copied.
  const rendered = ownUtf8(renderRecommendations(r.recommendations, render));
  return { recommendations: [], diagnostics: r.diagnostics, sources: r.sources, count: r.recommendations.length, rendered };
}

/**
 * Read the file of a task; any unexpected exception becomes a `file-error` diagnostic, so that one bad
 * file never stops a batch. Recommendations are classified and rendered to UTF-8 text here when the
 * task asks, so that the work is done in the worker, in parallel, and bytes (moved between threads
 * without a copy) travel.
 * @example
 * const rest = await readTask({ type: "read", id: 1, path: "a.csv", options: {}, config: DEFAULT_PARTS, after: {} }, async () => {});
 */
export async function readTask(task: Extract<ToWorker, { type: "read" }>, emit: (part: Delivery) => Promise<void>): Promise<Delivery> {
  try {
    const { render, classify: classifyOptions } = task.after;
    // Loaded only when asked: the models are 2 MB that a plain parse does not need.
    let label: Label | null = null;
    if (classifyOptions) {
      const { classify } = await import("../classify/classify.js");
      label = (recs) => classify(recs, classifyOptions);
    }
    const rest = await readFileInParts(task.path, task.options, task.config, (p: Part) => emit(deliver({ ...p, sources: [] }, render, label)));
    // A large file read whole is handed over in slices too: no message (or rendered text) larger than a part.
    const size = PartsConfig.parse(task.config).partSize;
    let from = 0;
    while (rest.recommendations.length - from > size) {
      await emit(deliver({ recommendations: rest.recommendations.slice(from, from + size), diagnostics: [], sources: [] }, render, label));
      from += size;
    }
    return deliver(from > 0 ? { ...rest, recommendations: rest.recommendations.slice(from) } : rest, render, label);
  } catch (e) {
    const message = (e as Error)?.message?.split("\n")[0] ?? String(e);
    return { recommendations: [], diagnostics: [{ code: "file-error", severity: "error", message: `Unexpected error while reading this file: ${message}`, place: { file: task.options.file ?? task.path } }], sources: [], count: 0 };
  }
}
