// The ledger as the commands read it: a ledger that cannot be read at all stops the command, so that no
// report, status or workbook is made from an empty history as if nothing had happened.
import type { LedgerRead } from "../track/store.js";
import { readLedgerFile } from "../node/ledger-file.js";
import { CliError, type RunContext } from "./io.js";
import { displayName } from "./safe-text.js";

/**
 * Read a ledger for a command; a file-level problem (missing unless `missingOk`, unreadable) is a
 * CliError (exit 2), damaged lines stay diagnostics (every complete event is used).
 * @example
 * const { events, diagnostics } = await readLedger(ctx, "upr-tracking/ledger.jsonl", { missingOk: true });
 */
export async function readLedger(ctx: RunContext, path: string, options: { missingOk?: boolean } = {}): Promise<LedgerRead> {
  await ctx.readsFrom(path);
  const read = await readLedgerFile(path, options);
  const unreadable = read.diagnostics.find((d) => d.code === "file-error");
  if (unreadable) throw new CliError(`${displayName(path)}: ${unreadable.message}`);
  return read;
}
