import type { Command } from "commander";
import type { TrackedState } from "../../../schema/status.js";
import { currentStates } from "../../../track/ledger.js";
import { findStale, progressBy, type ProgressBy, type ProgressGroup } from "../../../track/progress.js";
import { statusLabel } from "../../../track/status-words.js";
import { flag } from "../../flags.js";
import { escapeControls } from "../../safe-text.js";
import type { RunContext } from "../../io.js";
import { type DirFlags, keysOf, loadProject, withDir } from "./project.js";

interface StatusFlags extends DirFlags {
  by: ProgressBy;
  staleSince?: string;
  format: "text" | "json";
  out?: string;
}

// Institution names, leads and reporters come from people and returned workbooks: shown with their
// control characters escaped, so that they neither break the table nor drive the terminal.
const pct = (x: number | null) => (x === null ? "-" : `${Math.round(x * 100)}%`);

function progressTable(groups: readonly ProgressGroup[], by: ProgressBy): string {
  const head = [by, "total", "none", "not started", "in progress", "partial", "full", "n/a", "noted-no action", "implemented", "conflicts"];
  const rows = groups.map((g) => [
    escapeControls(g.group), g.total, g.byStatus.none, g.byStatus["not-started"], g.byStatus["in-progress"], g.byStatus["partially-implemented"],
    g.byStatus["fully-implemented"], g.byStatus["not-applicable"], g.byStatus["noted-no-action"], pct(g.implementedShare), g.conflicts,
  ].map(String));
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const first = Math.min(width[0]!, 48);
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? (c.length > first ? `${c.slice(0, first - 1)}…` : c.padEnd(first)) : c.padStart(width[i]!))).join("  ");
  return [fmt(head), ...rows.map(fmt)].join("\n");
}

function conflictLines(states: ReadonlyMap<string, TrackedState>, idOf: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const s of states.values()) {
    if (s.conflicts.length === 0) continue;
    out.push(`  ${escapeControls(idOf.get(s.recommendation) ?? s.recommendation)}: ${s.conflicts.map((c) => `${escapeControls(c.reporter ?? "unknown")} says ${statusLabel(c.status)} (${c.date})`).join("; ")}`);
  }
  return out;
}

/**
 * `upr-matrix track status`: progress per group, open conflicts, stale items.
 * @example
 * registerStatus(track, ctx);
 */
export function registerStatus(track: Command, ctx: RunContext): void {
  withDir(track.command("status"))
    .description("Progress per cluster, institution or position; open conflicts; stale items.")
    .addOption(flag.by(["cluster", "institution", "position"], "cluster"))
    .addOption(flag.date("stale-since", "also list recommendations with no update since this date"))
    .addOption(flag.format(["text", "json"], "text", "text | json"))
    .addOption(flag.out("write to this file instead of stdout"))
    .action(async (flags: StatusFlags) => {
      await ctx.writesTo(flags.out);
      const since = flags.staleSince;
      const { recommendations, events } = await loadProject(ctx, flags.dir);
      const states = currentStates(events);
      const groups = progressBy(recommendations, states, flags.by);
      const stale = since ? findStale(recommendations, states, since) : null;
      const idOf = new Map([...keysOf(recommendations)].map(([r, key]) => [key, r.id]));
      if (flags.format === "json") {
        const conflicts = [...states.values()].filter((s) => s.conflicts.length > 0).map((s) => ({ recommendation: s.recommendation, claims: s.conflicts }));
        await ctx.writeOutput(`${JSON.stringify({ by: flags.by, events: events.length, groups, conflicts, ...(stale ? { staleSince: since, stale } : {}) }, null, 2)}\n`, flags.out);
        return;
      }
      const lines = [progressTable(groups, flags.by), "", `${events.length} events in the ledger.`];
      const conflicts = conflictLines(states, idOf);
      if (conflicts.length) lines.push("", `Open conflicts (${conflicts.length}): settle each with "upr-matrix track update NUMBER --status ...".`, ...conflicts);
      if (stale) {
        lines.push("", `${stale.length} recommendation(s) with no update since ${since}:`);
        for (const s of stale) lines.push(escapeControls(`  ${s.id}  ${s.lastUpdate ?? "never"}  ${s.status ? statusLabel(s.status) : "no status"}  ${s.lead ?? "(unassigned)"}  ${s.cluster}`));
      }
      await ctx.writeOutput(`${lines.join("\n")}\n`, flags.out);
    });
}
