import type { Command } from "commander";
import { readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Diagnostic } from "../../schema/diagnostic.js";
import { ParseResult } from "../../schema/result.js";
import { recommendationKey } from "../../schema/key.js";
import type { Recommendation } from "../../schema/recommendation.js";
import { Language } from "../../schema/source.js";
import type { StatusEvent, TrackedState } from "../../schema/status.js";
import { hasErrors } from "../../diagnostics/format.js";
import { assignInstitutions, findRecommendation, initialEvents, parseAssignments } from "../../track/assign.js";
import { createEvent, dateOf, splitList } from "../../track/event.js";
import { currentStates, historyOf } from "../../track/ledger.js";
import { mergeReturnedWorkbooks, parseUpdateDate, type ReturnedWorkbook } from "../../track/merge.js";
import { findStale, progressBy, type ProgressBy, type ProgressGroup } from "../../track/progress.js";
import { recordEvents } from "../../track/store.js";
import { normalizeStatus, statusLabel, statusLabels, wordingToKeep } from "../../track/status-words.js";
import { planTrackExport, type ExportBy } from "../../track/workbook.js";
import { jsonlLedgerStore, readLedgerFile } from "../../node/ledger-file.js";
import { expandPaths } from "../files.js";
import { CliError, type GlobalFlags, note, reportDiagnostics, writeOutput } from "../io.js";
import { readInputs } from "./parse.js";

// exceljs takes a third of a second to load: only the commands that write or read workbooks load it.
const xlsxWriters = () => import("../../xlsx/track-workbook.js");

interface DirFlags extends GlobalFlags {
  dir: string;
}

const REGISTER = "recommendations.json";
const LEDGER = "ledger.jsonl";
const DEFAULT_DIR = "upr-tracking";

/** The clock; UPR_MATRIX_NOW (an ISO date-time) pins it for reproducible runs and tests. */
function now(): string {
  const pinned = process.env.UPR_MATRIX_NOW;
  if (pinned && !Number.isNaN(Date.parse(pinned))) return new Date(pinned).toISOString();
  return new Date().toISOString();
}

function dateFlag(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const d = parseUpdateDate(value);
  if (!d) throw new CliError(`${flag} must be a date (YYYY-MM-DD), not "${value}".`);
  return d;
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}

/** The tracked recommendations and the ledger of a tracking folder; ledger damage is reported, not fatal. */
async function loadProject(dir: string, g: GlobalFlags): Promise<{ recommendations: Recommendation[]; events: StatusEvent[]; ledgerPath: string; ledgerDiagnostics: Diagnostic[] }> {
  const registerPath = join(dir, REGISTER);
  let raw: string;
  try {
    raw = await readFile(registerPath, "utf8");
  } catch {
    throw new CliError(`No tracking data in "${dir}" (${REGISTER} is missing). Start with: upr-matrix track init MATRIX --dir ${dir}`);
  }
  let parsed: ParseResult;
  try {
    parsed = ParseResult.parse(JSON.parse(raw));
  } catch (e) {
    throw new CliError(`${registerPath} is not a valid recommendation list (${(e as Error).message.split("\n")[0]}). Re-create it with: upr-matrix track init MATRIX --dir ${dir} --force`);
  }
  const ledgerPath = join(dir, LEDGER);
  const ledger = await readLedgerFile(ledgerPath, { missingOk: true });
  reportDiagnostics(ledger.diagnostics, g);
  // A damaged ledger line is an input error (exit 1), but every complete event is still used.
  if (hasErrors(ledger.diagnostics)) process.exitCode = 1;
  return { recommendations: parsed.recommendations, events: ledger.events, ledgerPath, ledgerDiagnostics: ledger.diagnostics };
}

function resolveRef(recommendations: readonly Recommendation[], ref: string): Recommendation {
  const { recommendation, candidates } = findRecommendation(recommendations, ref);
  if (recommendation) return recommendation;
  if (candidates.length > 1) throw new CliError(`"${ref}" is ambiguous: ${candidates.join(", ")}. Give the full key.`);
  throw new CliError(`No tracked recommendation "${ref}". Give a paragraph number (e.g. 142.28) or a key (State|cycle|number).`);
}

const pct = (x: number | null) => (x === null ? "-" : `${Math.round(x * 100)}%`);

function progressTable(groups: readonly ProgressGroup[], by: ProgressBy): string {
  const head = [by, "total", "none", "not started", "in progress", "partial", "full", "n/a", "noted-no action", "implemented", "conflicts"];
  const rows = groups.map((g) => [
    g.group, g.total, g.byStatus.none, g.byStatus["not-started"], g.byStatus["in-progress"], g.byStatus["partially-implemented"],
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
    out.push(`  ${idOf.get(s.recommendation) ?? s.recommendation}: ${s.conflicts.map((c) => `${c.reporter ?? "unknown"} says ${statusLabel(c.status)} (${c.date})`).join("; ")}`);
  }
  return out;
}

/** `upr-matrix track ...`: the implementation-tracking ledger and the workbook round trip. */
export function registerTrack(program: Command, globals: () => GlobalFlags): void {
  const track = program
    .command("track")
    .description("Track implementation: a ledger of status updates, workbooks out to institutions and back in.")
    .addHelpText("after", `
A tracking folder (default ./${DEFAULT_DIR}) holds ${REGISTER} (the recommendations) and ${LEDGER}
(every status update, append-only).

Examples:
  upr-matrix track init matrix.docx --assign assignments.csv
  upr-matrix track export --lang fr
  upr-matrix track import returned/
  upr-matrix track status --by institution
  upr-matrix track update 142.28 --status "in progress" --action "Bill tabled in parliament" --by "Ministry of Justice"
  upr-matrix track history 142.28`);
  const dirOption = (c: Command) => c.option("-d, --dir <dir>", "tracking folder", DEFAULT_DIR);

  dirOption(track.command("init"))
    .description("Start tracking the recommendations of one or more matrices.")
    .argument("<files...>", "matrices (XLSX, CSV, DOCX) or folders")
    .option("--assign <csv>", "assignment table: match,lead,supporting (match = number, theme code, cluster, group letter or *)")
    .option("--date <date>", "date of the statuses the source already holds (default today)")
    .option("--force", "replace the recommendation list of an existing folder (the ledger is kept)")
    .addHelpText("after", `
Example assignment table:
  match,lead,supporting
  D23,Ministry of Justice,Prisons Service; Police
  F,Ministry of Gender,
  *,Ministry of Foreign Affairs,`)
    .action(async (files: string[], flags: DirFlags & { assign?: string; date?: string; force?: boolean }) => {
      const g = { ...globals(), ...flags };
      const registerPath = join(flags.dir, REGISTER);
      if ((await exists(registerPath)) && !flags.force) {
        throw new CliError(`"${flags.dir}" already tracks recommendations. Use --force to replace the list (the ledger is kept), or --dir for a new folder.`);
      }
      const recordedAt = now();
      const date = dateFlag(flags.date, "--date") ?? dateOf(recordedAt);
      const { result, unreadable } = await readInputs(files, {});
      const diagnostics: Diagnostic[] = [...result.diagnostics];
      if (result.recommendations.length === 0) {
        reportDiagnostics(diagnostics, g);
        throw new CliError("No recommendations found in the input; nothing to track.", unreadable > 0 ? 2 : 1);
      }
      let assignments;
      if (flags.assign) {
        let text: string;
        try {
          text = await readFile(flags.assign, "utf8");
        } catch {
          throw new CliError(`Cannot read the assignment table "${flags.assign}".`);
        }
        const parsed = parseAssignments(text, flags.assign);
        const assigned = assignInstitutions(result.recommendations, parsed.rules, flags.assign);
        diagnostics.push(...parsed.diagnostics, ...assigned.diagnostics);
        assignments = assigned.assignments;
      }
      const init = initialEvents(result.recommendations, { recordedAt, date, ...(assignments ? { assignments } : {}) });
      diagnostics.push(...init.diagnostics);
      await writeOutput(`${JSON.stringify(result, null, 2)}\n`, registerPath);
      const store = jsonlLedgerStore(join(flags.dir, LEDGER));
      const recorded = await recordEvents(store, init.events);
      reportDiagnostics([...diagnostics, ...recorded.diagnostics], g);
      const keys = new Set(result.recommendations.map(recommendationKey));
      const assigned = init.events.filter((e) => e.institutions.length > 0).length;
      const withStatus = init.events.filter((e) => e.status !== null).length;
      note(g, `Tracking ${keys.size} recommendations in ${flags.dir}/ (${recorded.added.length} events recorded: ${assigned} with institutions, ${withStatus} with a status).`);
      if (assigned < keys.size) note(g, `${keys.size - assigned} recommendation(s) have no institution yet: use --assign, or "upr-matrix track update NUMBER --lead NAME".`);
      note(g, `Next: upr-matrix track export --dir ${flags.dir}`);
      process.exitCode = unreadable > 0 ? 2 : hasErrors(diagnostics) ? 1 : 0;
    });

  dirOption(track.command("status"))
    .description("Progress per cluster, institution or position; open conflicts; stale items.")
    .option("--by <group>", "cluster | institution | position", "cluster")
    .option("--stale-since <date>", "also list recommendations with no update since this date")
    .option("-f, --format <format>", "text | json", "text")
    .option("-o, --out <path>", "write to this file instead of stdout")
    .action(async (flags: DirFlags & { by: string; staleSince?: string; format: string; out?: string }) => {
      const g = { ...globals(), ...flags };
      if (!["cluster", "institution", "position"].includes(flags.by)) throw new CliError(`--by must be cluster, institution or position, not "${flags.by}".`);
      if (!["text", "json"].includes(flags.format)) throw new CliError(`--format must be text or json, not "${flags.format}".`);
      const since = dateFlag(flags.staleSince, "--stale-since");
      const { recommendations, events } = await loadProject(flags.dir, g);
      const states = currentStates(events);
      const groups = progressBy(recommendations, states, flags.by as ProgressBy);
      const stale = since ? findStale(recommendations, states, since) : null;
      const idOf = new Map(recommendations.map((r) => [recommendationKey(r), r.id]));
      if (flags.format === "json") {
        const conflicts = [...states.values()].filter((s) => s.conflicts.length > 0).map((s) => ({ recommendation: s.recommendation, claims: s.conflicts }));
        await writeOutput(`${JSON.stringify({ by: flags.by, events: events.length, groups, conflicts, ...(stale ? { staleSince: since, stale } : {}) }, null, 2)}\n`, flags.out);
        return;
      }
      const lines = [progressTable(groups, flags.by as ProgressBy), "", `${events.length} events in the ledger.`];
      const conflicts = conflictLines(states, idOf);
      if (conflicts.length) lines.push("", `Open conflicts (${conflicts.length}): settle each with "upr-matrix track update NUMBER --status ...".`, ...conflicts);
      if (stale) {
        lines.push("", `${stale.length} recommendation(s) with no update since ${since}:`);
        for (const s of stale) lines.push(`  ${s.id}  ${s.lastUpdate ?? "never"}  ${s.status ? statusLabel(s.status) : "no status"}  ${s.lead ?? "(unassigned)"}  ${s.cluster}`);
      }
      await writeOutput(`${lines.join("\n")}\n`, flags.out);
    });

  dirOption(track.command("update"))
    .description("Record an update on one or more recommendations.")
    .argument("<refs...>", "paragraph numbers (142.28) or keys (State|cycle|number)")
    .option("-s, --status <status>", `new status, in English, French or Spanish (${statusLabels("en").join(", ")})`)
    .option("-a, --action <text>", "what was done")
    .option("-e, --evidence <ref...>", "links or document references")
    .option("-i, --indicator <code...>", "SDG indicator codes or national indicators")
    .option("--lead <institution>", "set the lead institution")
    .option("--institution <name...>", "set the responsible institutions (replaces the list)")
    .option("--date <date>", "date the update refers to (default today)")
    .option("--by <name>", "who reports it")
    .action(async (refs: string[], flags: DirFlags & { status?: string; action?: string; evidence?: string[]; indicator?: string[]; lead?: string; institution?: string[]; date?: string; by?: string }) => {
      const g = { ...globals(), ...flags };
      const { recommendations, ledgerPath } = await loadProject(flags.dir, g);
      const recs = refs.map((r) => resolveRef(recommendations, r));
      const recordedAt = now();
      const date = dateFlag(flags.date, "--date") ?? dateOf(recordedAt);
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
        note(g, `Recorded ${recs.find((r) => recommendationKey(r) === e.recommendation)!.id}${e.status ? ` → ${statusLabel(e.status)}` : ""} (${e.date}).`);
      }
    });

  dirOption(track.command("export"))
    .description("Write one update workbook per institution (or per cluster) to send out.")
    .option("-o, --out <dir>", "folder for the workbooks (default DIR/exports/ROUND)")
    .option("--by <group>", "institution | cluster", "institution")
    .option("--lang <lang>", "en | fr | es (headers, statuses; instructions in English plus this language)", "en")
    .option("--only <name...>", "export only these institutions (or clusters)")
    .action(async (flags: DirFlags & { out?: string; by: string; lang: string; only?: string[] }) => {
      const g = { ...globals(), ...flags };
      if (flags.by !== "institution" && flags.by !== "cluster") throw new CliError(`--by must be institution or cluster, not "${flags.by}".`);
      const lang = Language.safeParse(flags.lang);
      if (!lang.success) throw new CliError(`--lang must be en, fr or es, not "${flags.lang}".`);
      const { recommendations, events } = await loadProject(flags.dir, g);
      const exportedAt = now();
      const round = exportedAt.replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "");
      const plans = planTrackExport(recommendations, currentStates(events), { by: flags.by as ExportBy, lang: lang.data, round, exportedAt, ...(flags.only ? { only: flags.only } : {}) });
      if (plans.length === 0) throw new CliError(flags.only ? `No institution or cluster named ${flags.only.map((o) => `"${o}"`).join(", ")}.` : "Nothing to export.");
      const out = flags.out ?? join(flags.dir, "exports", round);
      for (const plan of plans) {
        await writeOutput(await (await xlsxWriters()).writeTrackWorkbook(plan), join(out, plan.fileName));
        note(g, `  ${join(out, plan.fileName)}: ${plan.rows.length} recommendation(s) for ${plan.meta.target}`);
      }
      note(g, `Wrote ${plans.length} workbook(s) for round ${round}. When they come back: upr-matrix track import ${out} --dir ${flags.dir}`);
    });

  dirOption(track.command("import"))
    .description("Read returned update workbooks into the ledger (conflicts are reported, nothing is overwritten).")
    .argument("<files...>", "returned .xlsx workbooks or folders")
    .option("--date <date>", "date for rows that give none (default today)")
    .option("--dry-run", "report what would be recorded, record nothing")
    .option("--strict", "treat warnings as errors for the exit code")
    .action(async (paths: string[], flags: DirFlags & { date?: string; dryRun?: boolean; strict?: boolean }) => {
      const g = { ...globals(), ...flags };
      const { recommendations, events, ledgerPath, ledgerDiagnostics } = await loadProject(flags.dir, g);
      const recordedAt = now();
      const today = dateFlag(flags.date, "--date") ?? dateOf(recordedAt);
      const files = await expandPaths(paths);
      if (files.length === 0) throw new CliError("No workbooks found.");
      const diagnostics: Diagnostic[] = [];
      const workbooks: ReturnedWorkbook[] = [];
      let unreadable = 0;
      for (const f of files) {
        if (!/\.xls[xm]$/i.test(f)) {
          diagnostics.push({ code: "unsupported-format", severity: "warning", message: "Not an .xlsx workbook; skipped.", place: { file: f } });
          continue;
        }
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(await readFile(f));
        } catch (e) {
          unreadable++;
          diagnostics.push({ code: "file-error", severity: "error", message: (e as NodeJS.ErrnoException).code === "ENOENT" ? "No such file." : `Cannot read the file: ${(e as Error).message}`, place: { file: f } });
          continue;
        }
        const read = await (await xlsxWriters()).readTrackWorkbook(bytes, f);
        diagnostics.push(...read.diagnostics);
        if (read.workbook) workbooks.push(read.workbook);
        else unreadable++;
      }
      const merged = mergeReturnedWorkbooks(workbooks, { recommendations, events, recordedAt, today });
      diagnostics.push(...merged.diagnostics);
      let added = merged.events.length;
      if (!flags.dryRun && merged.events.length > 0) added = (await recordEvents(jsonlLedgerStore(ledgerPath), merged.events)).added.length;
      reportDiagnostics(diagnostics, g);
      for (const s of merged.summaries) {
        const parts = [`${s.changed} changed`, `${s.unchanged} unchanged`];
        if (s.alreadyRecorded) parts.push(`${s.alreadyRecorded} already recorded`);
        if (s.blank) parts.push(`${s.blank} blank`);
        if (s.unknown) parts.push(`${s.unknown} unknown`);
        note(g, `  ${basename(s.file)}${s.target ? ` (${s.target})` : ""}: ${s.rows} rows: ${parts.join(", ")}`);
      }
      const conflicts = merged.diagnostics.filter((d) => d.code === "status-conflict").length;
      note(g, `${flags.dryRun ? "Would record" : "Recorded"} ${added} event(s) from ${workbooks.length} workbook(s)${conflicts ? `; ${conflicts} conflict(s) to settle (see "upr-matrix track status")` : ""}.`);
      process.exitCode = unreadable > 0 ? 2 : hasErrors([...ledgerDiagnostics, ...diagnostics], flags.strict) ? 1 : 0;
    });

  dirOption(track.command("history"))
    .description("Every recorded update of one recommendation, oldest first.")
    .argument("<ref>", "paragraph number (142.28) or key (State|cycle|number)")
    .option("-f, --format <format>", "text | json", "text")
    .action(async (ref: string, flags: DirFlags & { format: string }) => {
      const g = { ...globals(), ...flags };
      if (!["text", "json"].includes(flags.format)) throw new CliError(`--format must be text or json, not "${flags.format}".`);
      const { recommendations, events } = await loadProject(flags.dir, g);
      const rec = resolveRef(recommendations, ref);
      const key = recommendationKey(rec);
      const history = historyOf(events, key);
      const state = currentStates(history).get(key) ?? null;
      if (flags.format === "json") {
        await writeOutput(`${JSON.stringify({ recommendation: key, state, events: history }, null, 2)}\n`, undefined);
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
        ].filter(Boolean);
        const from = [e.source.reporter, e.source.file ? `${basename(e.source.file)}${e.source.row ? ` row ${e.source.row}` : ""}` : null].filter(Boolean).join(", ");
        lines.push(`  ${e.date}  ${what.join(" | ") || "(no change)"}${from ? `  [${from}]` : ""}`);
      }
      if (state?.conflicts.length) lines.push(`  Open conflict: ${state.conflicts.map((c) => `${c.reporter ?? "unknown"} says ${statusLabel(c.status)}`).join("; ")}`);
      await writeOutput(`${lines.join("\n")}\n`, undefined);
    });
}
