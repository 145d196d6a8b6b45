// Every flag declared once, with its check: commander calls the parser as it reads the command line, and
// a bad value is a CliError (one line, exit 2) before any command runs.
import { Option } from "commander";
import { Language } from "../schema/source.js";
import { Vocabulary } from "../schema/recommendation.js";
import { parseColumnMapping, type ParseOptions } from "../ingest/options.js";
import { parseUpdateDate } from "../track/merge.js";
import { ClassifyTask } from "../classify/options.js";
import { CliError } from "./io.js";

/** "a, b or c" */
const either = (values: readonly string[]) => (values.length < 2 ? values.join("") : `${values.slice(0, -1).join(", ")} or ${values.at(-1)}`);

/** A parser that accepts one of `values` (as typed), else "FLAG must be a, b or c, not "x"." */
function oneOf<T extends string>(flag: string, values: readonly T[]): (value: string) => T {
  return (value) => {
    if ((values as readonly string[]).includes(value)) return value as T;
    throw new CliError(`${flag} must be ${either(values)}, not "${value}".`);
  };
}

/** A parser of whole numbers from `min` to `max`; `what` completes "FLAG must be ...". */
function wholeNumber(flag: string, what: string, min: number, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new CliError(`${flag} must be ${what}, not "${value}".`);
    return n;
  };
}

/** Parse a size such as 16MB, 500kB or 1g into bytes. */
function parseSize(value: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb)?$/i.exec(value.trim());
  if (!m) throw new CliError(`${flag} must be a size such as 16MB or 500kB, not "${value}".`);
  const unit = (m[2] ?? "").toLowerCase()[0];
  return Math.round(Number(m[1]) * (unit === "k" ? 1024 : unit === "m" ? 1024 ** 2 : unit === "g" ? 1024 ** 3 : 1));
}

/** A date flag (YYYY-MM-DD, or DD/MM/YYYY) as YYYY-MM-DD. */
function dateParser(flag: string): (value: string) => string {
  return (value) => {
    const d = parseUpdateDate(value);
    if (!d) throw new CliError(`${flag} must be a date (YYYY-MM-DD), not "${value}".`);
    return d;
  };
}

/** `--jobs`: a number of worker threads from 1 to 256, or "auto" (the cores, when the input pays for them). */
function parseJobs(value: string): number | "auto" {
  if (value === "auto") return "auto";
  return wholeNumber("--jobs", 'a number of worker threads (1-256) or "auto"', 1, 256)(value);
}

// Short names people type for the classify tasks.
const TASK_NAMES: ReadonlyMap<string, ClassifyTask> = new Map([
  ["themes", "themes"],
  ["persons", "affectedPersons"],
  ["affected-persons", "affectedPersons"],
  ["affectedpersons", "affectedPersons"],
  ["sdgs", "sdgs"],
  ["sdg", "sdgs"],
  ["issues", "issues"],
  ["action", "actionCategory"],
  ["action-category", "actionCategory"],
  ["actioncategory", "actionCategory"],
]);

/** `--only`: comma-separated classify tasks by their short names. */
function parseTasks(value: string): ClassifyTask[] {
  const tasks: ClassifyTask[] = [];
  for (const name of value.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    const t = TASK_NAMES.get(name);
    if (!t) throw new CliError(`--only takes themes, persons, sdgs, issues, action (comma-separated), not "${name}".`);
    if (!tasks.includes(t)) tasks.push(t);
  }
  return tasks;
}

/** `--columns`: an explicit column mapping. */
function parseColumns(value: string): NonNullable<ParseOptions["columns"]> {
  try {
    return parseColumnMapping(value);
  } catch (e) {
    throw new CliError(`--columns: ${(e as Error).message}`);
  }
}

/** `--threshold`: a confidence from 0 to 1. */
function parseThreshold(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new CliError(`--threshold must be a number between 0 and 1, not "${value}".`);
  return n;
}

/**
 * The flags, each made once: commands add the ones they take (`cmd.addOption(flag.strict())`).
 * @example
 * program.command("parse").addOption(flag.format(["json", "jsonl", "summary"], "json", "..."));
 */
export const flag = {
  format: <T extends string>(values: readonly T[], fallback: T, description: string) =>
    new Option("-f, --format <format>", description).default(fallback).argParser(oneOf("--format", values)),
  out: (description: string) => new Option("-o, --out <path>", description),
  strict: () => new Option("--strict", "treat warnings as errors for the exit code"),
  addendum: () => new Option("--addendum <file>", "the addendum of a Working Group report (A/HRC/../Add.1; PDF, .docx or text): the State's positions on the recommendations the report leaves pending"),
  lang: (description: string) => new Option("--lang <lang>", description).default("en").argParser(oneOf("--lang", Language.options)),
  date: (name: string, description: string) => new Option(`--${name} <date>`, description).argParser(dateParser(`--${name}`)),
  /** How to read the inputs: --columns, --sheet, --header-row (read by readOptions). */
  read: () => [
    new Option("--columns <mapping>", "explicit column mapping, e.g. text=B,position=Response,id=1").argParser(parseColumns),
    new Option("--sheet <name>", "read only this sheet of an XLSX workbook"),
    new Option("--header-row <n>", "the header row (1-based; 0 when there is none)").argParser(wholeNumber("--header-row", "a row number (0 for none)", 0)),
  ],
  streamAbove: () =>
    new Option("--stream-above <size>", "read workbooks larger than this as streams, in bounded memory (CSV files: above 4MB, or this if smaller)")
      .default(16 * 1024 ** 2, "16MB")
      .argParser((v) => parseSize(v, "--stream-above")),
  workerMemory: () =>
    new Option("--worker-memory <MB>", "heap limit of each worker thread; a file needing more is reported").default(1024).argParser(wholeNumber("--worker-memory", "a number of MB (at least 64)", 64)),
  only: () => new Option("--only <tasks>", "comma-separated: themes, persons, sdgs, issues, action (default: all)").argParser(parseTasks),
  threshold: () => new Option("--threshold <p>", "confidence (0-1) at and above which a theme, person or issue is assigned (default: each model's own)").argParser(parseThreshold),
  maxLabels: () =>
    new Option("--max-labels <n>", "at most this many inferred themes, persons or issues per recommendation").default(6).argParser(wholeNumber("--max-labels", "a whole number of labels (1 or more)", 1)),
  cycle: () => new Option("--cycle <n>", "only the recommendations of this cycle").argParser(wholeNumber("--cycle", "a cycle number (1-4)", 1)),
  words: () => new Option("--words <n>", "word limit of the body, annexes excluded (default 10700; 4500 for --mid-term)").argParser(wholeNumber("--words", "a whole number of at least 100", 100)),
  jobs: () => new Option("-j, --jobs <n>", "worker threads reading files in parallel (default auto: the number of cores, when the input is large enough to pay for them)").argParser(parseJobs),
  // Reports take every vocabulary and default to the file's; classify names what it infers in one it predicts.
  vocabulary: (description: string, values: readonly Vocabulary[] = Vocabulary.options, fallback?: Vocabulary) => {
    const option = new Option("--vocabulary <name>", description).argParser(oneOf("--vocabulary", values));
    return fallback ? option.default(fallback) : option;
  },
  clusters: () =>
    new Option("--clusters <file>", "your cluster map (CSV or JSON: cluster name, then UHRI themes, UPR Info issues or paragraph ids); default: upr-matrix's plain-language clusters"),
  by: <T extends string>(values: readonly T[], fallback: T) => new Option("--by <group>", values.join(" | ")).default(fallback).argParser(oneOf("--by", values)),
};

/** The values of the read flags, as commander gives them. */
export interface ReadFlags {
  columns?: NonNullable<ParseOptions["columns"]>;
  sheet?: string;
  headerRow?: number;
}

/**
 * Parse options from the read flags.
 * @example
 * readOptions({ headerRow: 3 }); // { headerRow: 3 }
 */
export function readOptions(flags: ReadFlags): ParseOptions {
  return {
    ...(flags.columns ? { columns: flags.columns } : {}),
    ...(flags.sheet ? { sheet: flags.sheet } : {}),
    ...(flags.headerRow !== undefined ? { headerRow: flags.headerRow } : {}),
  };
}
