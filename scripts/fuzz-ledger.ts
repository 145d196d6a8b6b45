// The ledger reader as a target of `npm run fuzz` (scripts/fuzz.ts): seed ledgers built here, mutations
// that know JSON Lines, and the contract every read must keep — a MatrixError saying the bytes are not
// a ledger, or a result in which every line is accounted for and every event is valid; the same result
// however the bytes are cut into chunks.
import { MatrixError } from "../src/errors/matrix-error.js";
import { StatusEvent } from "../src/schema/status.js";
import { createEvent } from "../src/track/event.js";
import { readLedgerLines } from "../src/track/ledger-lines.js";
import { seededRandom } from "../src/internal/random.js";

type Rng = () => number;
const int = (r: Rng, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)]!;
const enc = new TextEncoder();

/** A small bound, so that mutants cross it without the fuzzer building huge inputs. */
const MAX_LINE = 64 * 1024;

/** Ledgers as they are found: written by the library, re-saved with a BOM or CRLF, cut by a crash, with a duplicate. */
export function ledgerSeeds(): { name: string; bytes: Uint8Array }[] {
  const events = Array.from({ length: 12 }, (_, i) =>
    createEvent(
      {
        recommendation: `Kenya|4|142.${i + 1}`,
        status: i % 3 === 0 ? null : (["in-progress", "fully-implemented", "partially-implemented"] as const)[i % 3],
        statusRaw: i % 4 === 0 ? "En cours" : null,
        date: `2025-0${1 + (i % 9)}-15`,
        institutions: i % 2 ? ["Ministry of Justice", "Police"] : [],
        lead: i % 5 === 0 ? "Ministère de la Justice" : null,
        action: i % 2 ? `Loi n° ${i}/2025 adoptée — "budget" \\ ${"é".repeat(i)}` : null,
        evidence: i % 3 ? [`https://example.org/${i}`] : [],
        indicators: i % 4 ? ["16.3.1"] : [],
        extra: i === 7 ? [{ column: "My notes", value: "ask the minister's office" }] : [],
        source: { reporter: `Institution ${i % 3}`, file: i % 2 ? "mj.xlsx" : null, sheet: i % 2 ? "Recommendations" : null, row: i % 2 ? i + 2 : null, round: i % 2 ? "20250601T090000Z" : null },
      },
      { recordedAt: `2025-10-0${1 + (i % 9)}T09:00:00.000Z` },
    ),
  );
  const lines = events.map((e) => JSON.stringify(e));
  const text = `${lines.join("\n")}\n`;
  return [
    { name: "seed-ledger.jsonl", bytes: enc.encode(text) },
    { name: "seed-ledger-bom-crlf.jsonl", bytes: enc.encode(`\ufeff${lines.join("\r\n")}\r\n`) },
    { name: "seed-ledger-torn.jsonl", bytes: enc.encode(`${lines.slice(0, 5).join("\n")}\n${lines[5]!.slice(0, 40)}\n${lines.slice(6).join("\n")}\n${lines[0]}\n${lines[3]!.slice(0, 99)}`) },
  ];
}

const HOSTILE_VALUES = [
  null, "", "2205-06-30", "31/02/2025", "not-started", "maybe", -1, 0, 1e308, "__proto__", { __proto__: { polluted: true } }, [], ["x"], "\u0000", "\ud800", "\ufffe",
  "x".repeat(70_000), "\u001b[2J", "=HYPERLINK(\"x\")", true,
];

/** Mutate a ledger as lines of JSON: change, drop or duplicate fields and lines, cut lines, change line ends. */
export function mutateLedger(r: Rng, bytes: Uint8Array, steps: string[]): Uint8Array {
  const lines = new TextDecoder().decode(bytes).split("\n");
  const n = 1 + int(r, 4);
  for (let k = 0; k < n && lines.length; k++) {
    const i = int(r, lines.length);
    const op = int(r, 7);
    if (op <= 2) {
      let obj: Record<string, unknown>;
      try {
        obj = JSON.parse(lines[i]!.replace(/^\ufeff/, "").replace(/\r$/, "")) as Record<string, unknown>;
      } catch {
        continue;
      }
      if (typeof obj !== "object" || obj === null) continue;
      const keys = Object.keys(obj);
      const key = pick(r, [...keys, "source", "extra", "__proto__", "status"]);
      if (op === 0) obj[key] = pick(r, HOSTILE_VALUES);
      else if (op === 1) delete obj[key];
      else if (typeof obj.source === "object" && obj.source) (obj.source as Record<string, unknown>)[pick(r, ["row", "round", "reporter", "file"])] = pick(r, HOSTILE_VALUES);
      lines[i] = JSON.stringify(obj);
      steps.push(`${["set", "drop", "set source field of"][op]} ${key} on line ${i + 1}`);
    } else if (op === 3) {
      lines[i] = lines[i]!.slice(0, int(r, lines[i]!.length + 1));
      steps.push(`cut line ${i + 1}`);
    } else if (op === 4) {
      lines.splice(int(r, lines.length), 0, ...Array.from({ length: pick(r, [1, 3, 200]) }, () => lines[i]!));
      steps.push(`repeat line ${i + 1}`);
    } else if (op === 5) {
      lines.splice(i, 1);
      steps.push(`drop line ${i + 1}`);
    } else {
      lines[i] = pick(r, ["", "   ", "\r", "{", '{"ev', "[]", "null", "{}", "Recommendation,Position", `{"eventId":${"[".repeat(5000)}`, "x".repeat(MAX_LINE + 10)]);
      steps.push(`replace line ${i + 1}`);
    }
  }
  const eol = pick(r, ["\n", "\n", "\r\n"]);
  if (eol !== "\n") steps.push("CRLF line ends");
  return enc.encode(lines.join(eol));
}

/** Read the bytes whole and in random chunks; check the contract. */
export async function checkLedger(id: number, name: string, bytes: Uint8Array): Promise<{ ok: boolean; problem?: string; recommendations?: number; codes?: string[]; ms?: number }> {
  const started = performance.now();
  const read = async (chunks: Uint8Array[]) => {
    try {
      return await readLedgerLines(chunks, { file: name, maxLineBytes: MAX_LINE });
    } catch (e) {
      if (e instanceof MatrixError && (e.code === "not-a-ledger" || e.code === "unreadable-input")) return e;
      throw e;
    }
  };
  try {
    const whole = await read([bytes]);
    const r = seededRandom(id + 1);
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < bytes.length; ) {
      const size = 1 + int(r, pick(r, [3, 64, 5000]));
      chunks.push(bytes.slice(at, at + size));
      at += size;
    }
    const chunked = await read(chunks);
    const ms = Math.round(performance.now() - started);
    const problems: string[] = [];
    if (whole instanceof MatrixError || chunked instanceof MatrixError) {
      if (!(whole instanceof MatrixError && chunked instanceof MatrixError && whole.message === chunked.message)) problems.push("chunked and whole reads differ on refusing the bytes");
      const msg = (whole instanceof MatrixError ? whole : (chunked as MatrixError)).message;
      if (/[\r\n\u2028\u2029\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(msg)) problems.push("refusal message is not one clean line");
      return problems.length ? { ok: false, problem: problems.join("; ") } : { ok: true, recommendations: 0, codes: ["not-a-ledger"], ms };
    }
    const c = whole.counts;
    if (c.lines !== c.events + c.duplicates + c.torn + c.invalid + c.tooLong) problems.push(`lines not accounted for: ${JSON.stringify(c)}`);
    if (whole.events.length !== c.events) problems.push("events differ from their count");
    if (new Set(whole.events.map((e) => e.eventId)).size !== whole.events.length) problems.push("an event id read twice");
    const invalid = whole.events.find((e) => !StatusEvent.safeParse(e).success);
    if (invalid) problems.push(`an invalid event was kept (${invalid.eventId})`);
    if (JSON.stringify(whole) !== JSON.stringify(chunked)) problems.push("chunked and whole reads differ");
    const multiline = whole.diagnostics.find((d) => /[\r\n\u2028\u2029]/.test(d.message) || /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(d.message));
    if (multiline) problems.push(`message not one clean line (${multiline.code})`);
    if ((Object.prototype as Record<string, unknown>).polluted !== undefined) problems.push("Object.prototype was changed");
    return problems.length ? { ok: false, problem: problems.join("; ") } : { ok: true, recommendations: whole.events.length, codes: [...new Set(whole.diagnostics.map((d) => d.code))], ms };
  } catch (e) {
    const err = e as Error;
    return { ok: false, problem: `uncaught ${err.name}: ${String(err.message).split("\n")[0]} ${String(err.stack ?? "").split("\n").slice(1, 3).map((l) => l.trim()).join(" ")}` };
  }
}
