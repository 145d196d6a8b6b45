import { type Command, Option } from "commander";
import { recommendationKey } from "../../../schema/key.js";
import { createEvent, dateOf, splitList } from "../../../track/event.js";
import { recordEvents } from "../../../track/store.js";
import { normalizeStatus, statusLabel, statusLabels, wordingToKeep } from "../../../track/status-words.js";
import { jsonlLedgerStore } from "../../../node/ledger-file.js";
import { flag } from "../../flags.js";
import { CliError, type RunContext } from "../../io.js";
import { type DirFlags, loadProject, resolveRef, withDir } from "./project.js";

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
      const recs = refs.map((r) => resolveRef(recommendations, r));
      const recordedAt = ctx.now();
      const date = flags.date ?? dateOf(recordedAt);
      const anything = flags.status || flags.action || flags.evidence?.length || flags.indicator?.length || flags.lead || flags.institution?.length;
      if (!anything) throw new CliError("Nothing to record: give --status, --action, --evidence, --indicator, --lead or --institution.");
      const events = recs.map((rec) => {
        const status = flags.status ? normalizeStatus(flags.status, { position: rec.position }) : null;
        if (flags.status && !status) throw new CliError(`Unknown status "${flags.status}". Use one of: ${statusLabels("en").join(", ")} (or the French or Spanish words).`);
        return createEvent(
          {
            recommendation: recommendationKey(rec),
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
      const recorded = await recordEvents(jsonlLedgerStore(ledgerPath), events);
      for (const e of recorded.added) {
        ctx.note(`Recorded ${recs.find((r) => recommendationKey(r) === e.recommendation)!.id}${e.status ? ` → ${statusLabel(e.status)}` : ""} (${e.date}).`);
      }
    });
}
