import { basename } from "node:path";
import type { Command } from "commander";
import { currentStates, historyOf } from "../../../track/ledger.js";
import { statusLabel } from "../../../track/status-words.js";
import { flag } from "../../flags.js";
import { escapeControls } from "../../safe-text.js";
import type { RunContext } from "../../io.js";
import { type DirFlags, keysOf, loadProject, resolveRef, withDir } from "./project.js";

interface HistoryFlags extends DirFlags {
  format: "text" | "json";
}

/**
 * `upr-matrix track history REF`: every recorded update of one recommendation.
 * @example
 * registerHistory(track, ctx);
 */
export function registerHistory(track: Command, ctx: RunContext): void {
  withDir(track.command("history"))
    .description("Every recorded update of one recommendation, oldest first.")
    .argument("<ref>", "paragraph number (142.28) or key (State|cycle|number)")
    .addOption(flag.format(["text", "json"], "text", "text | json"))
    .action(async (ref: string, flags: HistoryFlags) => {
      const { recommendations, events } = await loadProject(ctx, flags.dir);
      const rec = resolveRef(recommendations, ref);
      const key = keysOf(recommendations).get(rec)!;
      const history = historyOf(events, key);
      const state = currentStates(history).get(key) ?? null;
      if (flags.format === "json") {
        await ctx.writeOutput(`${JSON.stringify({ recommendation: key, state, events: history }, null, 2)}\n`, undefined);
        return;
      }
      const lines = [`${rec.id} (${key}): ${rec.text}`];
      if (history.length === 0) lines.push("  No updates recorded.");
      for (const e of history) {
        const what = [
          e.status ? statusLabel(e.status) + (e.statusRaw ? ` ("${e.statusRaw}")` : "") : e.statusRaw ? `unrecognised status "${e.statusRaw}"` : null,
          e.lead ? `lead: ${e.lead}` : null,
          e.institutions.length ? `institutions: ${e.institutions.join("; ")}` : null,
          e.action ? `action: ${e.action}` : null,
          e.evidence.length ? `evidence: ${e.evidence.join("; ")}` : null,
          e.indicators.length ? `indicators: ${e.indicators.join("; ")}` : null,
          ...(e.extra ?? []).map((x) => `${x.column}: ${x.value}`),
        ].filter(Boolean);
        const from = [e.source.reporter, e.source.file ? `${basename(e.source.file)}${e.source.row ? ` row ${e.source.row}` : ""}` : null].filter(Boolean).join(", ");
        lines.push(`  ${e.date}  ${what.join(" | ") || "(no change)"}${from ? `  [${from}]` : ""}`);
      }
      if (state?.conflicts.length) lines.push(`  Open conflict: ${state.conflicts.map((c) => `${c.reporter ?? "unknown"} says ${statusLabel(c.status)}`).join("; ")}`);
      // Texts come from people and returned workbooks: one line each, and nothing that drives the terminal.
      await ctx.writeOutput(`${lines.map(escapeControls).join("\n")}\n`, undefined);
    });
}
