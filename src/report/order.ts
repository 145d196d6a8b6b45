// The order reports show positions and statuses in (most advanced first for statuses).
import type { Position } from "../schema/recommendation.js";
import type { StatusKey } from "../i18n/index.js";

export type { StatusKey } from "../i18n/index.js";

/** Every status key, in the order reports show them (most advanced first). */
export const STATUS_KEYS: readonly StatusKey[] = [
  "fully-implemented",
  "partially-implemented",
  "in-progress",
  "not-started",
  "noted-no-action",
  "not-applicable",
  "untracked",
];

/** Every position, in the order reports show them. */
export const POSITION_KEYS: readonly Position[] = ["supported", "partially-supported", "noted", "pending", "unknown"];
