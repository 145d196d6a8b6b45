// The options of classify(), apart from classify itself: validating them (the CLI, processFiles)
// must not load the 2 MB of model weights that classify.ts imports.
import * as z from "zod";

/** The labels classify() can infer. */
export const ClassifyTask = z.enum(["themes", "affectedPersons", "sdgs", "issues", "actionCategory"]);
export type ClassifyTask = z.infer<typeof ClassifyTask>;

/** Options of classify(); all optional. */
export const ClassifyOptions = z.object({
  /** Which labels to infer (default: all five). */
  tasks: z.array(ClassifyTask).default(["themes", "affectedPersons", "sdgs", "issues", "actionCategory"]),
  /** Override the models' own thresholds for themes, persons and issues (0..1). */
  threshold: z.number().min(0).max(1).optional(),
  /** At most this many inferred themes, persons or issues per recommendation. */
  maxLabels: z.int().positive().default(6),
  /** Report a `theme-disagreement` when the model alone gives a theme the file lacks with at least this probability. */
  disagreementConfidence: z.number().min(0).max(1).default(0.9),
});
export type ClassifyOptions = z.input<typeof ClassifyOptions>;
