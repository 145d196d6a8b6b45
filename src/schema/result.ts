import * as z from "zod";
import { Diagnostic } from "./diagnostic.js";
import { Recommendation } from "./recommendation.js";
import { Source } from "./source.js";

/** What every reader returns: the contract printed by `upr-matrix parse --format json`. */
export const ParseResult = z.object({
  recommendations: z.array(Recommendation),
  diagnostics: z.array(Diagnostic),
  sources: z.array(Source),
});
export type ParseResult = z.infer<typeof ParseResult>;
