import { join } from "node:path";
import { type Command, Option } from "commander";
import { currentStates } from "../../../track/ledger.js";
import { planTrackExport, type ExportBy } from "../../../track/workbook.js";
import type { Language } from "../../../schema/source.js";
import { flag } from "../../flags.js";
import { loadClusterMap } from "../../report-inputs.js";
import { clusterAssigner } from "../../../report/clusters.js";
import { displayName } from "../../safe-text.js";
import { CliError, type RunContext } from "../../io.js";
import { type DirFlags, loadProject, withDir } from "./project.js";

interface ExportFlags extends DirFlags {
  out?: string;
  by: ExportBy;
  lang: Language;
  only?: string[];
  clusters?: string;
}

/**
 * `upr-matrix track export`: one update workbook per institution (or cluster) to send out.
 * @example
 * registerExport(track, ctx);
 */
export function registerExport(track: Command, ctx: RunContext): void {
  withDir(track.command("export"))
    .description("Write one update workbook per institution (or per cluster) to send out.")
    .addOption(new Option("-o, --out <dir>", "folder for the workbooks (default DIR/exports/ROUND)"))
    .addOption(flag.by(["institution", "cluster"], "institution"))
    .addOption(flag.lang("en | fr | es (headers, statuses; instructions in English plus this language)"))
    .addOption(new Option("--only <name...>", "export only these institutions (or clusters)"))
    .addOption(flag.clusters())
    .action(async (flags: ExportFlags) => {
      const { recommendations, events } = await loadProject(ctx, flags.dir);
      const exportedAt = ctx.now();
      const round = exportedAt.replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "");
      const { map, diagnostics } = await loadClusterMap(flags.clusters);
      ctx.reportDiagnostics(diagnostics);
      // Workbooks file recommendations under the report's plain-language clusters, named in the workbook's language.
      const assign = clusterAssigner({ map, lang: flags.lang });
      const plans = planTrackExport(recommendations, currentStates(events), {
        by: flags.by, lang: flags.lang, round, exportedAt, clusterOf: (r) => assign(r).name, ...(flags.only ? { only: flags.only } : {}),
      });
      if (plans.length === 0) throw new CliError(flags.only ? `No institution or cluster named ${flags.only.map((o) => `"${o}"`).join(", ")}.` : "Nothing to export.");
      const out = flags.out ?? join(flags.dir, "exports", round);
      // exceljs takes a third of a second to load: only the commands that write or read workbooks load it.
      const { writeTrackWorkbook } = await import("../../../xlsx/track-workbook.js");
      for (const plan of plans) {
        await ctx.writeOutput(await writeTrackWorkbook(plan), join(out, plan.fileName));
        ctx.note(`  ${displayName(join(out, plan.fileName))}: ${plan.rows.length} recommendation(s) for ${plan.meta.target}`);
      }
      ctx.note(`Wrote ${plans.length} workbook(s) for round ${round}. When they come back: upr-matrix track import ${out} --dir ${flags.dir}`);
    });
}
