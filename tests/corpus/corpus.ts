import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** ../shared/corpus: real public UPR data. CI has it; a fresh clone does not. */
export const corpusDir = fileURLToPath(new URL("../../../shared/corpus/", import.meta.url));
export const hasCorpus = existsSync(join(corpusDir, "CATALOG.md"));

/** Print the one-line notice once per file when the corpus is absent. */
export function noticeIfAbsent(what: string): void {
  if (!hasCorpus) console.log(`[corpus] ${corpusDir} not found: skipping ${what}.`);
}
