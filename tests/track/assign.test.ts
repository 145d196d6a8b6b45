import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { readMatrixFile } from "../../src/node/index.js";
import { recommendationKey } from "../../src/schema/key.js";
import { assignInstitutions, findRecommendation, initialEvents, parseAssignments } from "../../src/track/assign.js";
import { currentStates } from "../../src/track/ledger.js";
import { findStale, progressBy } from "../../src/track/progress.js";

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
const AT = { recordedAt: "2025-01-15T10:00:00.000Z", date: "2025-01-15" };

describe("assignments", () => {
  test("parse: header in any order, ';'-separated supporting institutions, bad rows reported", () => {
    const { rules, diagnostics } = parseAssignments("Lead;Match;Supporting\nMinistry of Justice;D23;Police; Prisons\n;A12;\nMinistry of Health;E41;\n");
    // ";" is the delimiter here, so supporting institutions come one per cell: only "Police" is read.
    expect(rules).toEqual([
      { match: "D23", lead: "Ministry of Justice", supporting: ["Police"], row: 2 },
      { match: "E41", lead: "Ministry of Health", supporting: [], row: 4 },
    ]);
    expect(diagnostics).toMatchObject([{ code: "invalid-field", place: { row: 3, column: 1 } }]);
    expect(parseAssignments("who,what\nx,y\n").diagnostics).toMatchObject([{ code: "missing-column", severity: "error" }]);
  });

  test("the most specific rule wins on the real Kenya matrix; unused rules are reported", async () => {
    const { recommendations } = await readMatrixFile(fixture("sample/ohchr-matrix-en.docx"));
    const { rules } = parseAssignments([
      "match,lead,supporting",
      "*,Ministry of Foreign Affairs,",
      "D,Ministry of Justice,Police",
      "D23,Ministry of Justice,Prisons Service; Police",
      "Death penalty,Attorney General,",
      "142.28,Registrar of Persons,",
      "Z99,Nobody,",
    ].join("\n"));
    const { assignments, diagnostics } = assignInstitutions(recommendations, rules);
    expect(assignments.size).toBe(179);
    const byId = (id: string) => assignments.get(recommendationKey(recommendations.find((r) => r.id === id)!));
    const d23 = recommendations.find((r) => r.cluster?.code === "D23")!;
    // Cluster code and cluster name are equally specific: both rules add up, the first gives the lead.
    expect(assignments.get(recommendationKey(d23))).toEqual({ lead: "Ministry of Justice", institutions: ["Ministry of Justice", "Prisons Service", "Police", "Attorney General"] });
    const d43 = recommendations.find((r) => r.cluster?.code === "D43")!;
    expect(assignments.get(recommendationKey(d43))).toEqual({ lead: "Ministry of Justice", institutions: ["Ministry of Justice", "Police"] });
    expect(byId("142.28")).toEqual({ lead: "Registrar of Persons", institutions: ["Registrar of Persons"] });
    expect(assignments.get(recommendationKey(recommendations.find((r) => r.cluster?.code === "E41")!))!.lead).toBe("Ministry of Foreign Affairs");
    expect(diagnostics).toMatchObject([{ code: "unknown-recommendation", actual: "Z99", place: { row: 7 } }]);
  });

  test("findRecommendation by paragraph number or key", async () => {
    const { recommendations } = await readMatrixFile(fixture("sample/ohchr-matrix-en.docx"));
    expect(findRecommendation(recommendations, "142.28").recommendation?.id).toBe("142.28");
    expect(findRecommendation(recommendations, "142.28.").recommendation?.id).toBe("142.28");
    expect(findRecommendation(recommendations, "Kenya|2|142.5").recommendation?.id).toBe("142.5");
    expect(findRecommendation(recommendations, "999.1")).toEqual({ recommendation: null, candidates: [] });
  });
});

describe("a home-made French tracking sheet as the starting point (fixtures/user-sheet-fr.xlsx)", () => {
  test("its statuses, institutions and comments become the first events; nothing is dropped", async () => {
    const { recommendations } = await readMatrixFile(fixture("user-sheet-fr.xlsx"));
    const { events, diagnostics } = initialEvents(recommendations, AT);
    // One event per row that says something (36 rows, two without status, institution or comment).
    const speaking = recommendations.filter((r) => r.status || r.institutions.length || r.assessment);
    expect(events).toHaveLength(speaking.length);
    const statuses = new Map(events.map((e) => [e.statusRaw ?? e.status, e.status]));
    expect(statuses.get("En cours")).toBe("in-progress");
    expect(statuses.get("Partiellement mise en œuvre")).toBe("partially-implemented");
    expect(statuses.get("Non mise en œuvre")).toBe("not-started");
    expect(statuses.get("Mise en œuvre")).toBe("fully-implemented");
    expect(statuses.get("Aucune action")).toBe("noted-no-action"); // on a noted recommendation
    // The rows copied with a different answer (143.15, and 143.22 with another position too) are kept and reported.
    expect(diagnostics.map((d) => [d.code, d.place?.row])).toEqual([["status-conflict", 14], ["status-conflict", 41]]);
    expect(diagnostics[0]).toMatchObject({ actual: "En cours / Mise en œuvre", place: { file: fixture("user-sheet-fr.xlsx"), sheet: "Suivi EPU", field: "status" } });
    expect(events.filter((e) => e.recommendation.endsWith("|143.15")).map((e) => e.status)).toEqual(["in-progress", "fully-implemented"]);

    const states = currentStates(events);
    const progress = progressBy(recommendations, states, "institution");
    const total = progress.at(-1)!;
    expect(total.group).toBe("total");
    expect(total.total).toBe(new Set(recommendations.map(recommendationKey)).size);
    expect(total.byStatus.none + total.byStatus["not-started"] + total.byStatus["in-progress"] + total.byStatus["partially-implemented"] + total.byStatus["fully-implemented"] + total.byStatus["noted-no-action"] + total.byStatus["not-applicable"]).toBe(total.total);
    expect(progress.map((g) => g.group)).toContain("Ministère de la Justice");
    // Every assigned institution counts each of its recommendations once.
    const justice = progress.find((g) => g.group === "Ministère de la Justice")!;
    expect(justice.total).toBe(new Set(recommendations.filter((r) => r.institutions.includes("Ministère de la Justice")).map(recommendationKey)).size);
  });

  test("unknown status words are reported at their cell and kept in the event", async () => {
    const { recommendations } = await readMatrixFile(fixture("user-sheet-fr.xlsx"));
    const odd = recommendations.map((r, i) => (i === 3 ? { ...r, status: "à voir" } : r));
    const { events, diagnostics } = initialEvents(odd, AT);
    const d = diagnostics.find((x) => x.code === "unknown-status")!;
    expect(d).toMatchObject({ severity: "warning", actual: "à voir", place: { ...odd[3]!.place, field: "status" } });
    expect(events.find((e) => e.statusRaw === "à voir")).toMatchObject({ status: null, recommendation: recommendationKey(odd[3]!) });
  });
});

describe("progress and stale items", () => {
  test("by cluster and position on the Kenya matrix, and stale items oldest first", async () => {
    const { recommendations } = await readMatrixFile(fixture("sample/ohchr-matrix-en.docx"));
    const k = (id: string) => recommendationKey(recommendations.find((r) => r.id === id)!);
    const { events } = initialEvents(recommendations.map((r) => (r.id === "142.28" ? { ...r, status: "Ongoing" } : r.id === "142.5" ? { ...r, status: "done" } : r)), AT);
    const later = initialEvents(recommendations.filter((r) => r.id === "142.5").map((r) => ({ ...r, status: "done" })), { recordedAt: "2025-05-01T00:00:00.000Z", date: "2025-05-01" }).events;
    const states = currentStates([...events, ...later]);
    const byCluster = progressBy(recommendations, states, "cluster");
    const a12 = byCluster.find((g) => g.group === "A12 Acceptance of international norms")!;
    expect(a12.total).toBe(21); // the supported and the noted block of A12 together
    expect(a12.byStatus["in-progress"]).toBe(1);
    const byPosition = progressBy(recommendations, states, "position");
    expect(byPosition.map((g) => [g.group, g.total])).toEqual([["noted", 33], ["partially-supported", 3], ["supported", 143], ["total", 179]]);
    expect(byPosition.at(-1)!.implementedShare).toBe(0.5); // 1 done out of 2 with a status
    const stale = findStale(recommendations, states, "2025-03-01");
    expect(stale).toHaveLength(178);
    expect(stale.at(-1)).toMatchObject({ recommendation: k("142.28"), lastUpdate: "2025-01-15", status: "in-progress" });
    expect(stale[0]!.lastUpdate).toBeNull();
  });
});
