// Hand-built recommendations and ledger states for the report tests, and a reader of generated .docx
// files (fflate + saxes) that keeps headings, highlights and tables in document order.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import type { Recommendation } from "../../src/schema/recommendation.js";
import type { Status, TrackedState } from "../../src/schema/status.js";
import { recommendationKey } from "../../src/schema/key.js";
import { parseMatrix } from "../../src/index.js";

type Partial2 = Partial<Recommendation> & Pick<Recommendation, "id" | "text">;

/** A recommendation with sensible defaults (Utopia, cycle 3, A/HRC/40/1). */
export function rec(p: Partial2): Recommendation {
  return {
    paragraphId: p.id,
    recommendingStates: [],
    stateUnderReview: "Utopia",
    cycle: 3,
    session: 31,
    documentSymbol: "A/HRC/40/1",
    position: "supported",
    positionRaw: "Supported",
    positionSource: null,
    positionSourceParagraph: null,
    cluster: null,
    themes: [],
    affectedPersons: [],
    sdgs: [],
    issues: [],
    actionCategory: null,
    assessment: null,
    status: null,
    institutions: [],
    extra: [],
    place: { file: "hand.csv", row: 2 },
    ...p,
  };
}

const A12 = { code: "A12", name: "Acceptance of international norms" };
const D23 = { code: "D23", name: "Death penalty" };
const F13 = { code: "F13", name: "Violence against women" };
const theme = (t: { code: string; name: string }) => ({ ...t, source: "matrix" as const });

/** Eight recommendations over three clusters; A12 appears in a supported and a noted block. */
export function handRecs(): Recommendation[] {
  return [
    rec({ id: "120.1", text: "Ratify the Optional Protocol to the Convention against Torture (Denmark);", recommendingStates: ["Denmark"], cluster: A12, themes: [theme(A12)], positionSource: "A/HRC/40/1/Add.1", positionSourceParagraph: "3", actionCategory: { category: 5, source: "matrix" } }),
    rec({ id: "120.2", text: "Ratify the Convention on the Rights of Persons with Disabilities (France) (Ghana);", recommendingStates: ["France", "Ghana"], cluster: A12, themes: [theme(A12)], affectedPersons: [{ name: "Persons with disabilities", source: "matrix" }], actionCategory: { category: 5, source: "matrix" } }),
    rec({ id: "120.3", text: "Consider ratifying the ICRMW (Philippines);", recommendingStates: ["Philippines"], cluster: A12, themes: [theme(A12)], actionCategory: { category: 3, source: "matrix" } }),
    rec({ id: "120.10", text: "Abolish the death penalty | in law and practice <b>now</b> (Norway, European Union);", recommendingStates: ["Norway", "European Union"], cluster: D23, themes: [theme(D23), theme(A12)], position: "noted", positionRaw: "Noted", sdgs: [{ goal: 16, source: "matrix" }] }),
    rec({ id: "120.11", text: "=HYPERLINK(\"http://evil.example\",\"click\") Establish a moratorium (Atlantis);", recommendingStates: ["Atlantis"], cluster: D23, themes: [theme(D23)], position: "noted", positionRaw: "Noted", assessment: "@SUM(1) no action planned" }),
    rec({ id: "120.20", text: "Adopt a law on domestic violence (Brazil);", recommendingStates: ["Brazil"], cluster: F13, themes: [theme(F13)], affectedPersons: [{ name: "Women", source: "matrix" }], institutions: ["Ministry of Gender"], actionCategory: { category: 5, source: "matrix" } }),
    rec({ id: "120.21", text: "Continue efforts against violence against women (Chile);", recommendingStates: ["Chile"], cluster: F13, themes: [theme(F13)], position: "partially-supported", positionRaw: "Supported/Noted", status: "ongoing" }),
    rec({ id: "120.4", text: "Accept the individual complaints procedure of CEDAW (Iceland);", recommendingStates: ["Iceland"], cluster: A12, themes: [theme(A12)], position: "noted", positionRaw: "Noted" }),
  ];
}

/** A TrackedState with defaults. */
export function tracked(key: string, status: Status | null, more: Partial<TrackedState> = {}): TrackedState {
  return {
    recommendation: key,
    status,
    statusRaw: null,
    since: status ? "2024-05-01" : null,
    lead: null,
    institutions: [],
    actions: [],
    evidence: [],
    indicators: [],
    lastUpdate: "2024-05-01",
    events: 1,
    conflicts: [],
    ...more,
  };
}

/** Ledger states for handRecs(): 120.1 fully, 120.2 partially, 120.3 not started, 120.10 no action, 120.20 in progress. */
export function handStates(recs: readonly Recommendation[] = handRecs()): Map<string, TrackedState> {
  const key = (id: string) => recommendationKey(recs.find((r) => r.id === id)!);
  return new Map([
    [key("120.1"), tracked(key("120.1"), "fully-implemented", { lead: "Ministry of Foreign Affairs", institutions: ["Ministry of Foreign Affairs", "Parliament"], actions: [{ date: "2024-02-01", text: "Instrument of ratification deposited", by: "Ministry of Foreign Affairs" }], evidence: ["https://treaties.un.org"], lastUpdate: "2024-06-30" })],
    [key("120.2"), tracked(key("120.2"), "partially-implemented", { lead: "Ministry of Social Affairs", institutions: ["Ministry of Social Affairs"] })],
    [key("120.3"), tracked(key("120.3"), "not-started", { lead: "Ministry of Labour", institutions: ["Ministry of Labour"] })],
    [key("120.10"), tracked(key("120.10"), "noted-no-action")],
    [key("120.20"), tracked(key("120.20"), "in-progress", { lead: "Ministry of Gender", institutions: ["Ministry of Gender"], actions: [{ date: "2024-04-10", text: "-Draft bill sent to Cabinet", by: null }] })],
  ]);
}

export const sampleFile = fileURLToPath(new URL("../../fixtures/sample/ohchr-matrix-en.docx", import.meta.url));

/** The bundled sample matrix (Kenya, 179 recommendations). */
export async function sampleRecs(): Promise<Recommendation[]> {
  return (await parseMatrix(new Uint8Array(readFileSync(sampleFile)), { file: "ohchr-matrix-en.docx" })).recommendations;
}

/** A paragraph or a table of a .docx body, in document order. */
export type DocxBlock =
  | { kind: "p"; style: string | null; text: string; highlighted: boolean }
  | { kind: "table"; rows: string[][] };

/** Read word/document.xml of a .docx into paragraphs (style, text, highlight) and tables (cell texts). */
export function readDocxBlocks(bytes: Uint8Array): DocxBlock[] {
  const files = unzipSync(bytes, { filter: (f) => f.name === "word/document.xml" });
  const xml = new TextDecoder().decode(files["word/document.xml"]!);
  const blocks: DocxBlock[] = [];
  const parser = new SaxesParser();
  let depth = 0;
  let table: string[][] | null = null;
  let cell: string[] | null = null;
  let para: { style: string | null; text: string; highlighted: boolean } | null = null;
  let inText = false;
  let runHighlighted = false;
  parser.on("opentag", (t) => {
    switch (t.name) {
      case "w:tbl":
        depth++;
        if (depth === 1) table = [];
        break;
      case "w:tr":
        if (depth === 1) table!.push([]);
        break;
      case "w:tc":
        if (depth === 1) cell = [];
        break;
      case "w:p":
        para = { style: null, text: "", highlighted: false };
        break;
      case "w:pStyle":
        if (para) para.style = String(t.attributes["w:val"]);
        break;
      case "w:r":
        runHighlighted = false;
        break;
      case "w:highlight":
        runHighlighted = true;
        break;
      case "w:t":
        inText = true;
        break;
      case "w:br":
        if (para) para.text += "\n";
        break;
    }
  });
  parser.on("text", (x) => {
    if (inText && para) {
      para.text += x;
      if (runHighlighted && x.trim()) para.highlighted = true;
    }
  });
  parser.on("closetag", (t) => {
    switch (t.name) {
      case "w:t":
        inText = false;
        break;
      case "w:p":
        if (cell) cell.push(para!.text);
        else if (depth === 0) blocks.push({ kind: "p", ...para! });
        para = null;
        break;
      case "w:tc":
        if (depth === 1) {
          table![table!.length - 1]!.push(cell!.join("\n"));
          cell = null;
        }
        break;
      case "w:tbl":
        if (depth === 1) blocks.push({ kind: "table", rows: table! });
        depth--;
        break;
    }
  });
  parser.write(xml).close();
  return blocks;
}

/** The text of every heading paragraph with the given style ("Heading1"). */
export function headings(blocks: readonly DocxBlock[], style: string): string[] {
  return blocks.flatMap((b) => (b.kind === "p" && b.style === style ? [b.text] : []));
}
