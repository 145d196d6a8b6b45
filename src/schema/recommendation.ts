import * as z from "zod";
import { Place } from "./place.js";

/** The State's response to a recommendation, normalised. `positionRaw` keeps the source wording. */
export const Position = z.enum(["supported", "noted", "partially-supported", "pending", "unknown"]);
export type Position = z.infer<typeof Position>;

/** Who decided a label: the source file (`matrix`) or upr-matrix's classifier. */
export const LabelSource = z.enum(["matrix", "classifier"]);
export type LabelSource = z.infer<typeof LabelSource>;

/**
 * A generation of UHRI labels: `cycle4` the current names (4th-cycle lists: "Ratification of & accession
 * to international instruments"), `cycle3` the 2020 names ("Acceptance of international norms"), `coded`
 * the v1 codes of 2nd-cycle lists ("A12"), `numbered` the 2014 list ("2.1."). See docs/taxonomy.md.
 */
export const Vocabulary = z.enum(["cycle4", "cycle3", "coded", "numbered"]);
export type Vocabulary = z.infer<typeof Vocabulary>;

const inferred = {
  source: LabelSource,
  /** 0..1, present when `source` is `classifier`. */
  confidence: z.number().min(0).max(1).optional(),
  /** The words, rules or model features that decided an inferred label. */
  evidence: z.array(z.string()).optional(),
};

/**
 * A UHRI theme: `code` is the UHRI code when the file (or taxonomy) has one, else null; an inferred
 * theme's `code` is the stable key of its term in `vocabulary` ("A12" in `coded`, "ratification" in
 * `cycle4` and `cycle3`, "2.1" in `numbered`).
 */
export const ThemeLabel = z.object({ code: z.string().nullable(), name: z.string(), ...inferred, vocabulary: Vocabulary.optional() });
export type ThemeLabel = z.infer<typeof ThemeLabel>;

/** An affected person or group of persons (UHRI list); an inferred one names its term's key (`code`) and vocabulary. */
export const PersonLabel = z.object({ name: z.string(), ...inferred, code: z.string().optional(), vocabulary: Vocabulary.optional() });
export type PersonLabel = z.infer<typeof PersonLabel>;

/**
 * A Sustainable Development Goal (1-17), optionally a target like "16.3"; an inferred goal carries its
 * name as the lists of `vocabulary` print it ("16 - PEACE, JUSTICE AND STRONG INSTITUTIONS") and `code` ("16").
 */
export const SdgLabel = z.object({
  goal: z.int().min(1).max(17),
  target: z.string().optional(),
  ...inferred,
  code: z.string().optional(),
  name: z.string().optional(),
  vocabulary: Vocabulary.optional(),
});
export type SdgLabel = z.infer<typeof SdgLabel>;

/** A UPR Info issue (UPR Info's own list of about 55 issues). */
export const IssueLabel = z.object({ name: z.string(), ...inferred });
export type IssueLabel = z.infer<typeof IssueLabel>;

/** UPR Info's action category: 1 minimal, 2 continuing, 3 considering, 4 general, 5 specific action. */
export const ActionCategory = z.object({ category: z.int().min(1).max(5), ...inferred });
export type ActionCategory = z.infer<typeof ActionCategory>;

/** The theme cluster a matrix files a recommendation under (its theme header row). */
export const Cluster = z.object({ code: z.string().nullable(), name: z.string() });
export type Cluster = z.infer<typeof Cluster>;

/** A column the layout did not map, kept so that nothing in the source is lost. */
export const ExtraField = z.object({ column: z.string(), value: z.string() });
export type ExtraField = z.infer<typeof ExtraField>;

/** One UPR recommendation, as read from a source and optionally classified. */
export const Recommendation = z.object({
  /** Paragraph id such as "117.1" when the source has one; otherwise generated from the place ("row-12"). */
  id: z.string().min(1),
  /** The paragraph id as found in the source, or null. */
  paragraphId: z.string().nullable(),
  /** Recommendation text, whitespace and typography normalised, never rewritten. Empty only with an `empty-text` diagnostic. */
  text: z.string(),
  recommendingStates: z.array(z.string()),
  stateUnderReview: z.string().nullable(),
  cycle: z.int().positive().nullable(),
  session: z.int().positive().nullable(),
  /** The Working Group report symbol, e.g. "A/HRC/34/10". */
  documentSymbol: z.string().nullable(),
  position: Position,
  positionRaw: z.string().nullable(),
  /** Where the position was stated, e.g. "A/HRC/34/10/Add.1". */
  positionSource: z.string().nullable(),
  /** The paragraph of `positionSource`, e.g. "3". */
  positionSourceParagraph: z.string().nullable(),
  cluster: Cluster.nullable(),
  themes: z.array(ThemeLabel),
  affectedPersons: z.array(PersonLabel),
  sdgs: z.array(SdgLabel),
  issues: z.array(IssueLabel),
  actionCategory: ActionCategory.nullable(),
  /** Assessment or comments on implementation, as given by the source. */
  assessment: z.string().nullable(),
  /** Implementation status as worded by the source (tracking normalises it). */
  status: z.string().nullable(),
  /** Responsible institution(s) as given by the source. */
  institutions: z.array(z.string()),
  extra: z.array(ExtraField),
  place: Place,
});
export type Recommendation = z.infer<typeof Recommendation>;
