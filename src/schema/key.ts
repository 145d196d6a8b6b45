// A recommendation's identity across files (its key), how keys are kept apart when two different
// recommendations would share one, and the one order of paragraph ids used everywhere.
import { fold } from "../internal/text.js";
import type { Place } from "./place.js";
import type { Recommendation } from "./recommendation.js";

/**
 * A recommendation's identity across files: State under review, cycle and paragraph id
 * ("Uganda|2|117.1"). Rows without a paragraph id fall back to their generated id.
 * @example
 * recommendationKey({ stateUnderReview: "Uganda", cycle: 2, id: "117.1" }); // "Uganda|2|117.1"
 */
export function recommendationKey(r: Pick<Recommendation, "stateUnderReview" | "cycle" | "id">): string {
  return `${r.stateUnderReview ?? ""}|${r.cycle ?? ""}|${r.id}`;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const DIGITS = /^\d+$/;

// Two runs of digits by their value, without converting (ids can hold long digit runs).
function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, "");
  const y = b.replace(/^0+(?=\d)/, "");
  return x.length - y.length || cmp(x, y);
}

/**
 * Order paragraph ids (and dotted codes) as people number them: runs of digits by their value, the
 * rest by code point, a shorter id first ("142.2" < "142.10" < "142.10.1"). A total order: ids that
 * only differ in leading zeros are ordered by code point last.
 * @example
 * ["142.10", "142.2", "142.1"].sort(compareParagraphIds); // ["142.1", "142.2", "142.10"]
 */
export function compareParagraphIds(a: string, b: string): number {
  if (a === b) return 0;
  const x = a.split(/(\d+)/);
  const y = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    const d = DIGITS.test(p) && DIGITS.test(q) ? compareDigits(p, q) : cmp(p, q);
    if (d !== 0) return d;
  }
  return x.length - y.length || cmp(a, b);
}

/** One recommendation of a key collision, and the key it is tracked under. */
export interface KeyCollisionMember {
  key: string;
  id: string;
  text: string;
  place: Place;
}

/** Different recommendations (different texts) that `recommendationKey` gives one key. */
export interface KeyCollision {
  /** The shared key ("||121.1": no State, no cycle). */
  key: string;
  /** One entry per different text, in the order of their places, with the key each is tracked under. */
  members: KeyCollisionMember[];
}

const sameText = (text: string) => fold(text);
const baseName = (file: string | undefined) => (file ?? "").split(/[\\/]/).pop() ?? "";

// The place parts that tell colliding recommendations apart, from the coarsest: the file, then its
// sheet or table, then the row; the same parts for every member of a collision.
function qualifiers(places: readonly Place[]): string[] {
  const levels: ((p: Place) => string[])[] = [
    (p) => [baseName(p.file)],
    (p) => [baseName(p.file), p.sheet ?? (p.table ? `table ${p.table}` : "")],
    (p) => [baseName(p.file), p.sheet ?? (p.table ? `table ${p.table}` : ""), `row ${p.row ?? 0}`],
  ];
  for (const level of levels) {
    const names = places.map((p) => level(p).filter(Boolean).join(":"));
    if (new Set(names).size === names.length && names.every(Boolean)) return names;
  }
  // Two recommendations in one cell (a split row): numbered in the (sorted) order they come in.
  const last = places.map((p) => levels[2]!(p).filter(Boolean).join(":"));
  return last.map((name, i) => (last.filter((n) => n === name).length > 1 ? `${name}#${last.slice(0, i + 1).filter((n) => n === name).length}` : name));
}

/**
 * The key of each recommendation of a list, kept apart where `recommendationKey` would give two
 * different recommendations one key (sheets naming no State or cycle, ids stored as numbers so that
 * 121.10 reads as 121.1): those are qualified by file, then sheet, then row ("||121.1@kenya.csv").
 * The same text listed twice (a copied row) is one recommendation and keeps one key. Deterministic:
 * the same recommendations give the same keys, in any order.
 * @example
 * const { keys, collisions } = recommendationKeys(recommendations);
 * keys[0]; // "Kenya|2|142.28", or "||121.1@kenya.csv" when it collides
 */
export function recommendationKeys(recommendations: readonly Pick<Recommendation, "stateUnderReview" | "cycle" | "id" | "text" | "place">[]): {
  keys: string[];
  collisions: KeyCollision[];
} {
  const keys = recommendations.map(recommendationKey);
  const byKey = new Map<string, number[]>();
  keys.forEach((k, i) => {
    const g = byKey.get(k);
    if (g) g.push(i);
    else byKey.set(k, [i]);
  });
  const collisions: KeyCollision[] = [];
  for (const [key, indexes] of byKey) {
    if (indexes.length < 2) continue;
    // One member per different text, the copy with the first place standing for it; all copies of a
    // text share its key. Sorted by place, then text, so that no key depends on the input order.
    const byText = new Map<string, number>();
    for (const i of indexes) {
      const t = sameText(recommendations[i]!.text);
      const held = byText.get(t);
      if (held === undefined || comparePlaces(recommendations[i]!.place, recommendations[held]!.place) < 0) byText.set(t, i);
    }
    if (byText.size < 2) continue;
    const members = [...byText.entries()]
      .sort(([ta, a], [tb, b]) => comparePlaces(recommendations[a]!.place, recommendations[b]!.place) || cmp(ta, tb))
      .map(([, i]) => i);
    const names = qualifiers(members.map((i) => recommendations[i]!.place));
    const qualified = new Map(members.map((i, n) => [sameText(recommendations[i]!.text), `${key}@${names[n]}`]));
    for (const i of indexes) keys[i] = qualified.get(sameText(recommendations[i]!.text))!;
    collisions.push({
      key,
      members: members.map((i) => ({ key: keys[i]!, id: recommendations[i]!.id, text: recommendations[i]!.text, place: recommendations[i]!.place })),
    });
  }
  return { keys, collisions };
}

function comparePlaces(a: Place, b: Place): number {
  return cmp(baseName(a.file), baseName(b.file)) || cmp(a.file ?? "", b.file ?? "") || cmp(a.sheet ?? "", b.sheet ?? "") || (a.table ?? 0) - (b.table ?? 0) || (a.row ?? 0) - (b.row ?? 0);
}
