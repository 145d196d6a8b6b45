import type { ParseResult } from "../schema/result.js";

/** Recommendations and diagnostics of one file, handed over before the file is finished. */
export type Part = Pick<ParseResult, "recommendations" | "diagnostics">;

/** Takes a part; the reader goes on once the returned promise settles (backpressure). */
export type PartSink = (part: Part) => Promise<void>;
