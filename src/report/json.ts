// The report as JSON: title facts, statistics, and every recommendation with its status, by cluster.
// ReportJson is the contract of `upr-matrix report --format json`.
import * as z from "zod";
import { Position } from "../schema/recommendation.js";
import { Language } from "../schema/source.js";
import type { Report } from "./model.js";
import { ReportStats, StatusKeySchema } from "./stats.js";
import { formatReferences, sdgGoalsOf } from "./references.js";

/** One recommendation in a JSON report. */
export const ReportRecommendation = z.object({
  key: z.string(),
  id: z.string(),
  paragraphId: z.string().nullable(),
  documentSymbol: z.string().nullable(),
  stateUnderReview: z.string().nullable(),
  cycle: z.int().positive().nullable(),
  text: z.string(),
  recommendingStates: z.array(z.string()),
  position: Position,
  positionRaw: z.string().nullable(),
  themes: z.array(z.string()),
  /** SDG goals (given by the source or classified). */
  sdgs: z.array(z.int().min(1).max(17)),
  status: StatusKeySchema,
  since: z.string().nullable(),
  lead: z.string().nullable(),
  institutions: z.array(z.string()),
  actions: z.array(z.object({ date: z.string(), text: z.string(), by: z.string().nullable() })),
  lastUpdate: z.string().nullable(),
  /** Assessment or status wording given by the source file itself. */
  sourceAssessment: z.string().nullable(),
});
export type ReportRecommendation = z.infer<typeof ReportRecommendation>;

/** A JSON report: `format` names this schema and its version. */
export const ReportJson = z.object({
  format: z.literal("upr-matrix-report/2"),
  meta: z.object({
    title: z.string(),
    lang: Language,
    stateUnderReview: z.string().nullable(),
    /** The State's name in the report's language. */
    stateName: z.string().nullable(),
    cycle: z.int().positive().nullable(),
    session: z.int().positive().nullable(),
    documentSymbols: z.array(z.string()),
    asOf: z.string().nullable(),
  }),
  stats: ReportStats,
  clusters: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      origin: z.enum(["default", "map", "none"]),
      /** Paragraph ids of the cluster, compressed ("142.1–5, 142.9 (A/HRC/29/10)"). */
      references: z.string(),
      sdgs: z.array(z.int().min(1).max(17)),
      recommendations: z.array(ReportRecommendation),
    }),
  ),
});
export type ReportJson = z.infer<typeof ReportJson>;

/**
 * The report as a plain object matching `ReportJson`.
 * @example
 * toReportJson(buildReport(recs)).stats.byPosition.supported; // 142
 */
export function toReportJson(report: Report): ReportJson {
  return {
    format: "upr-matrix-report/2",
    meta: { ...report.meta },
    stats: report.stats,
    clusters: report.clusters.map((g) => ({
      key: g.cluster.key,
      name: g.cluster.name,
      origin: g.cluster.origin,
      references: formatReferences(g.items.map((r) => r.rec)),
      sdgs: sdgGoalsOf(g.items.map((r) => r.rec)),
      recommendations: g.items.map(({ key, rec, state, status }) => {
        const own = [rec.status, rec.assessment].filter((x): x is string => Boolean(x?.trim()));
        return {
          key,
          id: rec.id,
          paragraphId: rec.paragraphId,
          documentSymbol: rec.documentSymbol,
          stateUnderReview: rec.stateUnderReview,
          cycle: rec.cycle,
          text: rec.text,
          recommendingStates: rec.recommendingStates,
          position: rec.position,
          positionRaw: rec.positionRaw,
          themes: rec.themes.map((t) => (t.code ? `${t.code} ${t.name}` : t.name)),
          sdgs: sdgGoalsOf([rec]),
          status,
          since: state?.since ?? null,
          lead: state?.lead ?? null,
          institutions: state?.institutions ?? rec.institutions,
          actions: state?.actions ?? [],
          lastUpdate: state?.lastUpdate ?? null,
          sourceAssessment: own.length ? own.join(" - ") : null,
        };
      }),
    })),
  };
}

/**
 * Render a built report as pretty-printed JSON (2-space indent, trailing newline).
 * @example
 * const json = renderJson(buildReport(recommendations, { states }));
 */
export function renderJson(report: Report): string {
  return `${JSON.stringify(toReportJson(report), null, 2)}\n`;
}

