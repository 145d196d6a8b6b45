import type { Command } from "commander";
import type { TrackedState } from "../../../schema/status.js";
import { currentStates } from "../../../track/ledger.js";
import { findStale, progressBy, type ProgressBy, type ProgressGroup } from "../../../track/progress.js";
import { statusLabel } from "../../../track/status-words.js";
import { flag } from "../../flags.js";
import { loadClusterMap } from "../../report-inputs.js";
import { clusterAssigner } from "../../../report/clusters.js";
import { MIN_RATE_COVERAGE, rateFigures } from "../../../report/stats.js";
import { escapeControls } from "../../safe-text.js";
import type { RunContext } from "../../io.js";
import { type DirFlags, keysOf, loadProject, withDir } from "./project.js";

interface StatusFlags extends DirFlags {
  by: ProgressBy;
  clusters?: string;
  staleSince?: string;
  format: "text" | "json";
  out?: string;
}

// Institution names, leads and reporters come from people and returned workbooks: shown with their
// control characters escaped, so that they neither break the table nor drive the terminal.
const pct = (x: number | null) => (x === null ? "-" : `${Math.round(x * 100)}%`);

/** A group's implementation figures under the reports' rule: a rate only with its denominator and enough coverage. */
function figuresOf(g: ProgressGroup) {
  const c = g.byStatus;
  return rateFigures({
    total: g.total,
    notApplicable: c["not-applicable"],
    assessed: g.total - c.none - c["not-applicable"],
    done: c["fully-implemented"] + c["partially-implemented"],
    full: c["fully-implemented"],
  });
}

function progressTable(groups: readonly ProgressGroup[], by: ProgressBy): string {
  const head = [by, "total", "none", "not started", "in progress", "partial", "full", "n/a", "noted-no action", "assessed", "coverage", "implemented", "conflicts"];
  const rows = groups.map((g) => {
    const f = figuresOf(g);
    return [
      escapeControls(g.group), g.total, g.byStatus.none, g.byStatus["not-started"], g.byStatus["in-progress"], g.byStatus["partially-implemented"],
      g.byStatus["fully-implemented"], g.byStatus["not-applicable"], g.byStatus["noted-no-action"], `${f.assessed}/${g.total - g.byStatus["not-applicable"]}`,
      pct(f.coverage), f.rated ? pct(f.rate) : f.assessed > 0 ? `(${f.done} of ${f.assessed})` : "-", g.conflicts,
    ].map(String);
  });
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
    .addOption(flag.clusters())
    .addOption(flag.date("stale-since", "also list recommendations with no update since this date"))
    .addOption(flag.format(["text", "json"], "text", "text | json"))
    .addOption(flag.out("write to this file instead of stdout"))
    .action(async (flags: StatusFlags) => {
      await ctx.writesTo(flags.out);
      const since = flags.staleSince;
      const { recommendations, events } = await loadProject(ctx, flags.dir);
      const states = currentStates(events);
      const { map, diagnostics } = await loadClusterMap(flags.clusters);
      ctx.reportDiagnostics(diagnostics);
      const assign = clusterAssigner({ map });
      const groups = progressBy(recommendations, states, flags.by, { clusterOf: (r) => assign(r).name }).map((g) => ({ ...g, ...figuresOf(g) }));
      const stale = since ? findStale(recommendations, states, since) : null;
      const idOf = new Map([...keysOf(recommendations)].map(([r, key]) => [key, r.id]));
      if (flags.format === "json") {
        const conflicts = [...states.values()].filter((s) => s.conflicts.length > 0).map((s) => ({ recommendation: s.recommendation, claims: s.conflicts }));
        await ctx.writeOutput(`${JSON.stringify({ by: flags.by, events: events.length, groups, conflicts, ...(stale ? { staleSince: since, stale } : {}) }, null, 2)}\n`, flags.out);
        return;
      }
      const lines = [
        progressTable(groups, flags.by),
        "",
        `implemented: fully or partially implemented among the assessed (a rate only when at least ${pct(MIN_RATE_COVERAGE)} of the applicable ones are assessed; otherwise the count).`,
        `${events.length} events in the ledger.`,
      ];
      const conflicts = conflictLines(states, idOf);
      if (conflicts.length) lines.push("", `Open conflicts (${conflicts.length}): settle each with "upr-matrix track update NUMBER --status ...".`, ...conflicts);
      if (stale) {
        lines.push("", `${stale.length} recommendation(s) with no update since ${since}:`);
        for (const s of stale) lines.push(escapeControls(`  ${s.id}  ${s.lastUpdate ?? "never"}  ${s.status ? statusLabel(s.status) : "no status"}  ${s.lead ?? "(unassigned)"}  ${s.cluster}`));
      }
      await ctx.writeOutput(`${lines.join("\n")}\n`, flags.out);
    });
}
