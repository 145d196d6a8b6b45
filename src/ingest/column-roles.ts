// Column roles decided from the values as well as the header names, after detectLayout mapped the
// header: UPR Info's original export (duplicate "Rgrp"/"Org" headers, "RS" for the recommending State),
// national trackers whose "Pays" column names the recommending State (a State under review is the same on
// every row of a file) and whose ids are codes ("R144.44P1"). Each decision is said in a `column-roles`
// note. Pure.
import type { Diagnostic } from "../schema/diagnostic.js";
import { fold } from "../internal/text.js";
import { quote } from "../internal/quote.js";
import { findState } from "../taxonomy/index.js";
import { readIdCode } from "./cell.js";
import { statesCell } from "./cell-readers.js";
import type { Field } from "./fields.js";
import type { Column } from "./layout.js";
import { tableDiagnostic } from "./place.js";
import type { TableInfo, TableRow } from "./table.js";

// Header words that name "a country" without saying which role: the values decide.
const GENERIC_STATE = new Set(["pays", "country", "countries", "pais", "paises", "state", "states", "etat", "etats", "estado", "estados"]);

/** Non-empty values of a column in the data rows looked at. */
function valuesOf(rows: readonly TableRow[], index: number): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const v = r.cells[index]?.trim();
    if (v) out.push(v);
  }
  return out;
}

/** The canonical States named by values ("France", "Chile, Peru"), or null when fewer than 80% of them name only States. */
function statesOf(values: readonly string[]): Set<string> | null {
  if (values.length < 2) return null;
  const names = new Set<string>();
  let known = 0;
  for (const v of values) {
    const states = statesCell(v);
    if (states.length && states.every((s) => findState(s))) {
      known++;
      for (const s of states) names.add(findState(s)!.name);
    }
  }
  return known >= 0.8 * values.length ? names : null;
}

function setField(layout: { columns: Column[]; mapping: Map<Field, number[]> }, index: number, field: Field | null): void {
  const col = layout.columns[index]!;
  if (col.field) {
    const cols = layout.mapping.get(col.field)?.filter((c) => c !== index) ?? [];
    if (cols.length) layout.mapping.set(col.field, cols);
    else layout.mapping.delete(col.field);
  }
  layout.columns[index] = { ...col, field };
  if (field) layout.mapping.set(field, [...(layout.mapping.get(field) ?? []), index]);
}

/**
 * Adjust the column roles of a header-mapped layout by what its first data rows hold; `columnOf` and
 * `layout` are recomputed by the caller (see detectLayout). Returns the notes saying what was decided.
 * @example
 * const notes = decideColumnRoles(layout, dataRows, info); // [{ code: "column-roles", ... }]
 */
export function decideColumnRoles(layout: { columns: Column[]; mapping: Map<Field, number[]> }, data: readonly TableRow[], info: TableInfo): Diagnostic[] {
  const notes: Diagnostic[] = [];
  const say = (message: string) => notes.push(tableDiagnostic(info, "column-roles", "info", message, {}));
  const headerOf = (i: number) => quote(layout.columns[i]!.header, 60);
  const folded = layout.columns.map((c) => fold(c.header));

  // UPR Info's own export: SuR;Rgrp;Org;Recommendation;RS;Rgrp;Org;Response;Action;Issue;Session.
  const sur = folded.indexOf("sur");
  const rs = folded.indexOf("rs");
  if (sur >= 0 && rs >= 0) {
    if (!layout.mapping.has("recommendingStates")) setField(layout, rs, "recommendingStates");
    // Each Rgrp/Org belongs to the State column before it.
    folded.forEach((h, i) => {
      if (h !== "rgrp" && h !== "org") return;
      const owner = i > rs && rs > sur ? "RS" : i > sur ? "SuR" : null;
      if (owner) layout.columns[i] = { ...layout.columns[i]!, header: `${owner}-${layout.columns[i]!.header}` };
    });
    say(`Read as UPR Info's export: "SuR" is the State under review, "RS" the recommending State; their regional groups and organisations (Rgrp, Org) are kept as SuR-Rgrp, SuR-Org, RS-Rgrp and RS-Org.`);
  }

  // A "country" column whose values change from row to row names the recommending State.
  const surCols = layout.mapping.get("stateUnderReview") ?? [];
  if (surCols.length === 1 && GENERIC_STATE.has(folded[surCols[0]!]!) && !layout.mapping.has("recommendingStates")) {
    const states = statesOf(valuesOf(data, surCols[0]!));
    if (states && states.size > 1) {
      setField(layout, surCols[0]!, "recommendingStates");
      say(`Column ${headerOf(surCols[0]!)} names ${states.size} different States in its first rows: read as the recommending State (a State under review is the same on every row of a file).`);
    }
  }

  // Unnamed roles found in the values: recommendation codes, a States column, a constant State.
  for (let i = 0; i < layout.columns.length; i++) {
    if (layout.columns[i]!.field) continue;
    const values = valuesOf(data, i);
    if (values.length < 2) continue;
    if (!layout.mapping.has("id") && values.filter((v) => readIdCode(v)).length >= 0.8 * values.length) {
      setField(layout, i, "id");
      say(`Column ${headerOf(i)} holds recommendation codes such as ${quote(values[0]!, 30)} (paragraph id, and a part when a recommendation is split): read as the paragraph id.`);
      continue;
    }
    const states = statesOf(values);
    if (!states) continue;
    if (states.size > 1 && !layout.mapping.has("recommendingStates")) {
      setField(layout, i, "recommendingStates");
      say(`Column ${headerOf(i)} names ${states.size} different States: read as the recommending State.`);
    } else if (states.size === 1 && !layout.mapping.has("stateUnderReview")) {
      setField(layout, i, "stateUnderReview");
      say(`Column ${headerOf(i)} names one State on every row (${[...states][0]}): read as the State under review.`);
    }
  }
  return notes;
}
