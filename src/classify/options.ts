// The options of classify(), apart from classify itself: validating them (the CLI, processFiles)
// must not load the 2 MB of model weights that classify.ts imports.
import * as z from "zod";
import { Vocabulary } from "../schema/recommendation.js";

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
  /**
   * Report a `theme-disagreement` when the model alone gives, with at least this probability, a theme
   * of another top-level group than every theme the file gives (other disagreements are counted only).
   */
  disagreementConfidence: z.number().min(0).max(1).default(0.9),
  /**
   * The vocabulary inferred themes, groups of persons and SDGs are named in, for files that carry no
   * labels of their own (a file's own vocabulary is detected and kept): current names (default), the
   * 2020 names, v1 codes, or the 2014 numbers.
   */
  vocabulary: Vocabulary.default("cycle4"),
  /**
   * Give each inferred label its `evidence` (default). `false` leaves it out, and the work of finding it:
   * for bulk runs that keep labels and confidences only (they are the same either way).
   */
  evidence: z.boolean().default(true),
});
export type ClassifyOptions = z.input<typeof ClassifyOptions>;
