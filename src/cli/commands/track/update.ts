import { type Command, Option } from "commander";
import type { Diagnostic } from "../../../schema/diagnostic.js";
import type { StatusEvent } from "../../../schema/status.js";
import { createEvent, dateOf, splitList } from "../../../track/event.js";
import { checkUpdateDate, currentStates, effectiveDate, eventsByRecommendation, planAppend, supersededBy } from "../../../track/ledger.js";
import { updateLedger } from "../../../track/store.js";
import { normalizeStatus, statusLabel, statusLabels, wordingToKeep } from "../../../track/status-words.js";
import { jsonlLedgerStore } from "../../../node/ledger-file.js";
import { flag } from "../../flags.js";
import { CliError, type RunContext } from "../../io.js";
import { type DirFlags, keysOf, loadProject, resolveRef, withDir } from "./project.js";

interface UpdateFlags extends DirFlags {
  status?: string;
  action?: string;
  evidence?: string[];
  indicator?: string[];
  lead?: string;
  institution?: string[];
  date?: string;
  by?: string;
}

/**
 * `upr-matrix track update REF...`: record one update by hand.
 * @example
 * registerUpdate(track, ctx);
 */
export function registerUpdate(track: Command, ctx: RunContext): void {
  withDir(track.command("update"))
    .description("Record an update on one or more recommendations.")
    .argument("<refs...>", "paragraph numbers (142.28) or keys (State|cycle|number)")
    .addOption(new Option("-s, --status <status>", `new status, in English, French or Spanish (${statusLabels("en").join(", ")})`))
    .addOption(new Option("-a, --action <text>", "what was done"))
    .addOption(new Option("-e, --evidence <ref...>", "links or document references"))
    .addOption(new Option("-i, --indicator <code...>", "SDG indicator codes or national indicators"))
    .addOption(new Option("--lead <institution>", "set the lead institution"))
    .addOption(new Option("--institution <name...>", "set the responsible institutions (replaces the list)"))
    .addOption(flag.date("date", "date the update refers to (default today)"))
    .addOption(new Option("--by <name>", "who reports it"))
    .action(async (refs: string[], flags: UpdateFlags) => {
      const { recommendations, ledgerPath } = await loadProject(ctx, flags.dir);
      const keyOf = keysOf(recommendations);
      const recs = refs.map((r) => resolveRef(recommendations, r));
      const recordedAt = ctx.now();
      const date = flags.date ?? dateOf(recordedAt);
      const future = checkUpdateDate(date, dateOf(recordedAt));
      if (future) throw new CliError(`--date ${future}: an update reports what was done, so it cannot be dated ahead.`);
      const anything = flags.status || flags.action || flags.evidence?.length || flags.indicator?.length || flags.lead || flags.institution?.length;
      if (!anything) throw new CliError("Nothing to record: give --status, --action, --evidence, --indicator, --lead or --institution.");
      const events = recs.map((rec) => {
        const status = flags.status ? normalizeStatus(flags.status, { position: rec.position }) : null;
        if (flags.status && !status) throw new CliError(`Unknown status "${flags.status}". Use one of: ${statusLabels("en").join(", ")} (or the French or Spanish words).`);
        return createEvent(
          {
            recommendation: keyOf.get(rec)!,
            status,
            statusRaw: wordingToKeep(flags.status, status),
            date,
            institutions: flags.institution?.flatMap((x) => splitList(x)) ?? [],
            lead: flags.lead ?? null,
            action: flags.action ?? null,
            evidence: flags.evidence ?? [],
            indicators: flags.indicator ?? [],
            source: { reporter: flags.by ?? null },
          },
          { recordedAt },
        );
      });
      // Decided on the ledger as it is under the lock; then said whether each status became current.
      const outcome = await updateLedger(jsonlLedgerStore(ledgerPath), ({ events: ledger }) => {
        const { added } = planAppend(ledger, events);
        const touched = new Set(added.map((e) => e.recommendation));
        const mine = ledger.filter((e) => touched.has(e.recommendation));
        const before = currentStates(mine);
        const after = eventsByRecommendation([...mine, ...added]);
        const states = currentStates([...mine, ...added]);
        const result = added.map((e) => ({
          e,
          later: supersededBy(after.get(e.recommendation)!, e),
          settled: (before.get(e.recommendation)?.conflicts.length ?? 0) > 0 && states.get(e.recommendation)!.conflicts.length === 0,
          open: states.get(e.recommendation)!.conflicts.length > 0,
        }));
        return { append: added, result };
      });
      const idOf = (e: StatusEvent) => recs.find((r) => keyOf.get(r) === e.recommendation)!.id;
      const warnings: Diagnostic[] = [];
      const notes: string[] = [];
      for (const { e, later, settled, open } of outcome) {
        const head = `Recorded ${idOf(e)}${e.status ? ` → ${statusLabel(e.status)}` : ""} (${e.date})`;
        if (!later || later.status === e.status) {
          notes.push(`${head}.${settled ? " The open conflict is settled." : ""}`);
          continue;
        }
        const when = effectiveDate(later) === later.date ? later.date : `${later.date}, counted as ${effectiveDate(later)}`;
        warnings.push({
          code: "update-not-current",
          severity: "warning",
          message: `${idOf(e)}: "${statusLabel(e.status!)}" (dated ${e.date}) is recorded, but the status stays "${statusLabel(later.status!)}" from a later update (${when}${later.source.reporter ? `, ${later.source.reporter}` : ""})${open ? "; the conflict stays open" : ""}. To make it current, record it again with --date ${effectiveDate(later)} or later.`,
          place: { file: ledgerPath },
          actual: e.date,
        });
        notes.push(`${head}: not the current status (see the warning above).`);
      }
      ctx.reportDiagnostics(warnings);
      for (const n of notes) ctx.note(n);
    });
}
