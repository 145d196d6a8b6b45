// Building events: defaults filled in, lists cleaned, and an id that is a hash of the content, so the
// same event written twice (two processes, a retried append) is recognised as one.
import * as z from "zod";
import { resolveOptions } from "../errors/matrix-error.js";
import type { ExtraField } from "../schema/recommendation.js";
import { StatusEvent, type EventSource, type Status } from "../schema/status.js";

/** What a caller gives to record an update; everything but the recommendation and date is optional. */
export interface EventInput {
  recommendation: string;
  status?: Status | null;
  statusRaw?: string | null;
  /** YYYY-MM-DD the update refers to. */
  date: string;
  institutions?: readonly string[];
  lead?: string | null;
  action?: string | null;
  evidence?: readonly string[];
  indicators?: readonly string[];
  /** Text from columns a reporter added to a returned workbook. */
  extra?: readonly ExtraField[];
  source?: Partial<EventSource>;
}

// cyrb53-style mixing in two 32-bit lanes: 64 bits, no dependencies, same value in every runtime.
function hash64(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, "0") + (h1 >>> 0).toString(16).padStart(8, "0");
}

/**
 * The id of an event: a hash of everything else in it, recording time included.
 * @example
 * eventIdOf({ ...event, eventId: "" }); // "ev-3f2a9c0d1e4b5a6f"
 */
export function eventIdOf(event: Omit<StatusEvent, "eventId"> & { eventId?: string }): string {
  const { eventId: _ignored, ...content } = event;
  return `ev-${hash64(JSON.stringify(content))}`;
}

const cleanList = (xs: readonly string[] | undefined): string[] => {
  const out: string[] = [];
  for (const x of xs ?? []) {
    const t = x.trim();
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
};
const cleanText = (s: string | null | undefined): string | null => (s?.trim() ? s.trim() : null);

/** Options of createEvent. */
export const CreateEventOptions = z.object({
  /** When the event is recorded, ISO 8601 with time ("2025-03-02T09:00:00.000Z"). */
  recordedAt: StatusEvent.shape.recordedAt,
});
export type CreateEventOptions = z.input<typeof CreateEventOptions>;

/**
 * Build a valid event from an update: lists trimmed and deduplicated, the id computed. Throws
 * MatrixError("invalid-options") when `recordedAt` is not an ISO time, and a ZodError when the input's
 * date is not ISO (a programming error, not bad input).
 * @example
 * const ev = createEvent({ recommendation: "Kenya|2|142.28", status: "in-progress", date: "2025-03-01" },
 *   { recordedAt: "2025-03-02T09:00:00.000Z" });
 */
export function createEvent(input: EventInput, options: CreateEventOptions): StatusEvent {
  const { recordedAt } = resolveOptions(CreateEventOptions, options, "createEvent");
  const extra = (input.extra ?? []).map((x) => ({ column: x.column.trim(), value: x.value.trim() })).filter((x) => x.value !== "");
  const content = {
    recommendation: input.recommendation,
    status: input.status ?? null,
    statusRaw: cleanText(input.statusRaw),
    date: input.date,
    institutions: cleanList(input.institutions),
    lead: cleanText(input.lead),
    action: cleanText(input.action),
    evidence: cleanList(input.evidence),
    indicators: cleanList(input.indicators),
    // Only when there is some: events without it keep the ids they always had.
    ...(extra.length > 0 ? { extra } : {}),
    source: {
      reporter: cleanText(input.source?.reporter),
      file: input.source?.file ?? null,
      sheet: input.source?.sheet ?? null,
      row: input.source?.row ?? null,
      round: input.source?.round ?? null,
    },
    recordedAt,
  };
  return StatusEvent.parse({ eventId: eventIdOf(content), ...content });
}

/**
 * What a report says, without where and when it was recorded: two events with the same fingerprint
 * are the same answer (a returned workbook imported twice).
 * @example
 * reportFingerprint(a) === reportFingerprint(b); // true when b re-imports a
 */
export function reportFingerprint(e: StatusEvent): string {
  const fields: unknown[] = [e.recommendation, e.status, e.statusRaw, e.institutions, e.lead, e.action, e.evidence, e.indicators, e.source.reporter, e.source.round];
  if (e.extra?.length) fields.push(e.extra);
  return JSON.stringify(fields);
}

/**
 * Split a cell listing evidence or indicators (one per line, or separated by ";") into items.
 * @example
 * splitList("https://a.example\nLaw 12/2024; Decree 5"); // ["https://a.example", "Law 12/2024", "Decree 5"]
 */
export function splitList(text: string | null | undefined): string[] {
  if (!text) return [];
  return cleanList(text.split(/\r?\n|;|\s\|\s/));
}

/**
 * Today's date (UTC) of an ISO date-time.
 * @example
 * dateOf("2025-03-02T09:00:00.000Z"); // "2025-03-02"
 */
export function dateOf(isoDateTime: string): string {
  return isoDateTime.slice(0, 10);
}
