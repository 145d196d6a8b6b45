import * as z from "zod";
import { ExtraField } from "./recommendation.js";

/** Implementation status of a recommendation, on the small canonical scale national mechanisms use. */
export const Status = z.enum([
  "not-started",
  "in-progress",
  "partially-implemented",
  "fully-implemented",
  "not-applicable",
  /** A noted recommendation on which the State plans no action. */
  "noted-no-action",
]);
export type Status = z.infer<typeof Status>;

/** Who reported an event, and from where (a returned workbook, the CLI, an app). */
export const EventSource = z.object({
  /** The institution or person who reported ("Ministry of Justice"), or null when unknown. */
  reporter: z.string().nullable(),
  file: z.string().nullable(),
  sheet: z.string().nullable(),
  row: z.int().positive().nullable(),
  /** The export round a returned workbook belongs to (`track export` writes it into every workbook). */
  round: z.string().nullable().default(null),
});
export type EventSource = z.infer<typeof EventSource>;

/**
 * One update on one recommendation. The ledger is a list of these, append-only; the current state of
 * a recommendation is derived from its events.
 */
export const StatusEvent = z.object({
  /** Unique event id: a stable hash of the event's content (see `eventIdOf`). */
  eventId: z.string().min(1),
  /** The recommendation's key: see `recommendationKey`. */
  recommendation: z.string().min(1),
  /** New status, or null when the event only adds information (actions, evidence, institutions). */
  status: Status.nullable(),
  /** The status as worded by the reporter ("En cours", "ongoing"), when it differs from the canonical value. */
  statusRaw: z.string().nullable(),
  /** The date the update refers to (YYYY-MM-DD). */
  date: z.iso.date(),
  /** Responsible institutions; a non-empty list replaces the previous assignment, an empty one keeps it. */
  institutions: z.array(z.string()),
  /** Lead institution; null keeps the previous one. */
  lead: z.string().nullable(),
  /** What was done, in the reporter's words. */
  action: z.string().nullable(),
  /** Links or document references. */
  evidence: z.array(z.string()),
  /** SDG indicator codes ("16.3.1") or national indicators. */
  indicators: z.array(z.string()),
  /** Text from columns a reporter added to a returned workbook, by header (absent when none). */
  extra: z.array(ExtraField).optional(),
  source: EventSource,
  /** When the event was recorded (ISO date-time). */
  recordedAt: z.iso.datetime(),
});
export type StatusEvent = z.infer<typeof StatusEvent>;

/** One institution's claim in a status conflict. */
export const StatusClaim = z.object({
  status: Status,
  reporter: z.string().nullable(),
  date: z.iso.date(),
  eventId: z.string(),
  file: z.string().nullable(),
  row: z.int().positive().nullable(),
});
export type StatusClaim = z.infer<typeof StatusClaim>;

/** The current state of one recommendation, derived from its events. */
export const TrackedState = z.object({
  recommendation: z.string(),
  /** The latest status (by update date, then recording time). */
  status: Status.nullable(),
  /** The reporter's wording of that status, when it differed from the canonical value. */
  statusRaw: z.string().nullable(),
  /** Date of the latest status change. */
  since: z.iso.date().nullable(),
  lead: z.string().nullable(),
  institutions: z.array(z.string()),
  actions: z.array(z.object({ date: z.iso.date(), text: z.string(), by: z.string().nullable() })),
  evidence: z.array(z.string()),
  indicators: z.array(z.string()),
  /** Date of the latest event of any kind. */
  lastUpdate: z.iso.date().nullable(),
  events: z.int().nonnegative(),
  /**
   * Different statuses reported by different institutions in the latest export round and not yet
   * settled by a later update: every claim, latest per reporter. Empty when there is no conflict.
   */
  conflicts: z.array(StatusClaim),
});
export type TrackedState = z.infer<typeof TrackedState>;
