// Reading a user's cluster map: a small CSV (cluster, theme / issue / paragraph id; one row per entry or
// several entries separated by ";" or line breaks) or JSON ({ "Cluster": ["D5", "142.33"] }, or
// { clusters: [{ name, themes, ids }] }). Pure: the caller reads the file.
import Papa from "papaparse";
import type { Diagnostic } from "../schema/diagnostic.js";
import { MatrixError } from "../errors/matrix-error.js";
import { fold } from "../internal/text.js";
import { findIssue } from "../taxonomy/index.js";
import { ClusterMap, type ClusterMapInput } from "./clusters.js";
import { lookupTheme } from "./themes.js";

// "142.33", "142.33.", "28.212", "row-12": paragraph ids, not themes.
const ID = /^(?:\d{1,4}(?:\.\d{1,4}){1,3}\.?|row-\d+)$/i;
const CODE = /^[A-HS]\d{0,2}$/i;
const HEADER_NAME = new Set(["cluster", "clusters", "cluster name", "groupe thematique", "grupo tematico", "name", "nom", "nombre"]);
const LIMIT = { clusters: 200, entries: 50_000 };

/** What a map entry is: a paragraph id, or a theme/issue (kept as written). */
function entryKind(value: string): "id" | "theme" {
  return ID.test(value) ? "id" : "theme";
}

function known(value: string): boolean {
  return CODE.test(value) || lookupTheme(null, value) !== undefined || findIssue(value) !== undefined;
}

function addEntries(target: { themes: string[]; ids: string[] }, raw: string): void {
  for (const part of raw.split(/[;\n\r]+/)) {
    const v = part.trim().replace(/\.$/, (m) => (ID.test(part.trim()) ? "" : m));
    if (!v) continue;
    if (entryKind(v) === "id") target.ids.push(v);
    else target.themes.push(v);
  }
}

function fromJson(value: unknown): ClusterMapInput["clusters"] {
  if (Array.isArray(value)) return value as ClusterMapInput["clusters"];
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (Array.isArray(o.clusters)) return o.clusters as ClusterMapInput["clusters"];
    return Object.entries(o).map(([name, entries]) => {
      const c = { name, themes: [] as string[], ids: [] as string[] };
      for (const e of Array.isArray(entries) ? entries : [entries]) if (typeof e === "string") addEntries(c, e);
      return c;
    });
  }
  return [];
}

function fromCsv(text: string, file: string, diagnostics: Diagnostic[]): ClusterMapInput["clusters"] {
  const rows = Papa.parse<string[]>(text.replace(/^\ufeff/, ""), { skipEmptyLines: "greedy" }).data;
  const byName = new Map<string, { name: string; themes: string[]; ids: string[] }>();
  rows.forEach((cells, i) => {
    const name = (cells[0] ?? "").trim();
    const rest = cells.slice(1).map((c) => c.trim()).filter(Boolean);
    if (i === 0 && HEADER_NAME.has(fold(name))) return;
    if (!name || rest.length === 0) {
      diagnostics.push({ code: "invalid-field", severity: "warning", message: `Cluster map row ${i + 1} needs a cluster name and at least one theme, issue or paragraph id; it was skipped.`, place: { file, row: i + 1 } });
      return;
    }
    const key = fold(name);
    let c = byName.get(key);
    if (!c) byName.set(key, (c = { name, themes: [], ids: [] }));
    for (const cell of rest) addEntries(c, cell);
  });
  return [...byName.values()];
}

/**
 * Read a cluster map from CSV or JSON text. Entries that look like paragraph ids ("142.33") are ids,
 * others are UHRI theme codes or names, or UPR Info issues; entries no list knows are kept (they may
 * name a file's own themes) and reported as `unknown-theme` (info). Throws `MatrixError("unreadable-input")`
 * when no cluster can be read.
 * @example
 * const { map } = parseClusterMap("cluster,theme\nJustice,D5\nJustice,142.33\nChildren,F3\n", "clusters.csv");
 * map.clusters.map((c) => c.name); // ["Justice", "Children"]
 */
export function parseClusterMap(text: string, file = "clusters"): { map: ClusterMap; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const trimmed = text.replace(/^\ufeff/, "").trim();
  let clusters: ClusterMapInput["clusters"];
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (e) {
      throw new MatrixError("unreadable-input", `${file}: not valid JSON (${(e as Error).message}).`);
    }
    clusters = fromJson(json);
  } else clusters = fromCsv(trimmed, file, diagnostics);
  const entries = clusters.reduce((n, c) => n + (c.themes?.length ?? 0) + (c.ids?.length ?? 0), 0);
  if (clusters.length > LIMIT.clusters || entries > LIMIT.entries) {
    throw new MatrixError("unreadable-input", `${file}: a cluster map holds at most ${LIMIT.clusters} clusters and ${LIMIT.entries} entries (this one: ${clusters.length} and ${entries}).`);
  }
  const parsed = ClusterMap.safeParse({ source: file, clusters });
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join(".") || "(map)"}: ${i.message}`).join("; ");
    throw new MatrixError("unreadable-input", `${file}: no usable cluster map (${why}). Write one row per entry: cluster name, then a theme code or name, an issue or a paragraph id.`);
  }
  for (const c of parsed.data.clusters) {
    const unknown = c.themes.filter((t) => !known(t));
    if (unknown.length) {
      diagnostics.push({
        code: "unknown-theme",
        severity: "info",
        message: `Cluster "${c.name}": ${unknown.length} entr${unknown.length === 1 ? "y" : "ies"} match no UHRI theme or UPR Info issue and will only match themes written exactly so (${unknown.slice(0, 3).join("; ")}${unknown.length > 3 ? "; ..." : ""}).`,
        place: { file },
        actual: unknown[0],
      });
    }
  }
  return { map: parsed.data, diagnostics };
}
