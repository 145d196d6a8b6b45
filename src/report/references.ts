// How national reports cite recommendations: paragraph ids compressed into ranges, grouped by the
// Working Group report's document symbol ("Recommendations 115.1, 115.3–5 (A/HRC/28/15)").
import { uniq } from "lodash-es";
import type { Recommendation } from "../schema/recommendation.js";
import type { Language } from "../schema/source.js";
import { SDG_GOALS } from "../taxonomy/index.js";
import { compareParagraphIds } from "../schema/key.js";

// "115.3" → ["115.", 3]; ids without a trailing number are listed as they are.
function splitId(id: string): [string, number] | null {
  const m = /^(.*?)(\d+)$/.exec(id);
  return m ? [m[1]!, Number(m[2])] : null;
}

/**
 * Compress paragraph ids into the ranges national reports use: "115.1, 115.3–5, 115.9".
 * @example
 * compressIds(["115.4", "115.3", "115.5", "115.1"]); // "115.1, 115.3–5"
 */
export function compressIds(ids: readonly string[]): string {
  const sorted = uniq(ids).sort(compareParagraphIds);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    const first = sorted[i]!;
    const head = splitId(first);
    let j = i;
    if (head) {
      while (j + 1 < sorted.length) {
        const next = splitId(sorted[j + 1]!);
        if (!next || next[0] !== head[0] || next[1] !== head[1] + (j + 1 - i)) break;
        j++;
      }
    }
    out.push(j > i ? `${first}–${splitId(sorted[j]!)![1]}` : first);
    i = j + 1;
  }
  return out.join(", ");
}

/**
 * Reference recommendations by paragraph number and document symbol, grouped by symbol:
 * "115.1, 115.3–5 (A/HRC/28/15); 28.212 (A/HRC/40/6)".
 * @example
 * formatReferences(recs); // "115.1, 115.3–5 (A/HRC/28/15)"
 */
export function formatReferences(recs: readonly Pick<Recommendation, "id" | "paragraphId" | "documentSymbol">[]): string {
  const bySymbol = new Map<string, string[]>();
  for (const r of recs) {
    const k = r.documentSymbol ?? "";
    const list = bySymbol.get(k) ?? [];
    list.push(r.paragraphId ?? r.id);
    bySymbol.set(k, list);
  }
  return [...bySymbol].map(([sym, ids]) => `${compressIds(ids)}${sym ? ` (${sym})` : ""}`).join("; ");
}

/**
 * SDG goals as a list with their short titles in a language: "5 Gender equality; 16 Peace, justice and strong institutions".
 * @example
 * sdgList([16, 5], "fr"); // "5 Égalité entre les sexes ; 16 Paix, justice et institutions efficaces"
 */
export function sdgList(goals: readonly number[], lang: Language): string {
  const sep = lang === "fr" ? "\u00a0; " : "; ";
  return uniq(goals)
    .sort((a, b) => a - b)
    .map((g) => `${g} ${SDG_GOALS[g - 1]?.[lang] ?? ""}`.trim())
    .join(sep);
}

/** The SDG goals of some recommendations, distinct and in order. */
export function sdgGoalsOf(recs: readonly Pick<Recommendation, "sdgs">[]): number[] {
  return uniq(recs.flatMap((r) => r.sdgs.map((s) => s.goal))).sort((a, b) => a - b);
}
