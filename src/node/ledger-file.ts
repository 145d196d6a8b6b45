// The default ledger store: a JSON Lines file, one event per line, only ever appended to.
//
// Crash and concurrency safety:
// - each append is ONE write() of whole lines to a file opened with O_APPEND, then fsync, so a killed
//   process leaves at most one cut line at the end;
// - appenders take a lock file (hard-linked into place, so it exists only with its owner's pid) around "check the file ends with a newline,
//   write, fsync"; a cut last line is closed with a newline before the next event, so it can never
//   swallow a later event. A lock left by a dead process (same host, pid gone) is broken at once, any
//   other after `staleLockMs`;
// - readers never need the lock: they skip a cut line (ledger-torn-line) and keep every complete one.
import { hostname } from "node:os";
import { link, open, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import type { Diagnostic } from "../schema/diagnostic.js";
import { StatusEvent } from "../schema/status.js";
import type { LedgerRead, LedgerStore } from "../track/store.js";

/** Options for appending to a ledger file. */
export interface AppendOptions {
  /** Give up waiting for another process's lock after this long (ms). Default 10 000. */
  lockTimeoutMs?: number;
  /** Break a lock older than this even if its owner cannot be checked (another host). Default 30 000. */
  staleLockMs?: number;
  /**
   * Testing only: split the write into pieces of this many bytes, as a file system without atomic
   * appends (or a power cut) would. The crash test uses it to produce torn lines on purpose.
   */
  chunkBytes?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function lockIsStale(lockPath: string, staleMs: number): Promise<string | null> {
  let content: string;
  let age: number;
  try {
    content = await readFile(lockPath, "utf8");
    age = Date.now() - (await stat(lockPath)).mtimeMs;
  } catch {
    return null; // gone already: just retry
  }
  const m = /^(\d+) (\S+)/.exec(content);
  if (!m) return age > 2000 ? content : null; // not ours: written by hand or by an older version
  const [, pid, host] = m;
  if (host === hostname() && !alive(Number(pid))) return content;
  return age > staleMs ? content : null;
}

// Move the stale lock aside atomically; if it turns out a fresh lock was taken meanwhile, put it back.
async function breakLock(lockPath: string, judged: string): Promise<void> {
  const aside = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}.stale`;
  try {
    await rename(lockPath, aside);
  } catch {
    return;
  }
  try {
    const moved = await readFile(aside, "utf8");
    if (moved !== judged) await link(aside, lockPath).catch(() => undefined);
  } finally {
    await unlink(aside).catch(() => undefined);
  }
}

async function acquireLock(lockPath: string, options: AppendOptions): Promise<() => Promise<void>> {
  const timeout = options.lockTimeoutMs ?? 10_000;
  const staleMs = options.staleLockMs ?? 30_000;
  const deadline = Date.now() + timeout;
  let delay = 2;
  const me = `${process.pid} ${hostname()} ${new Date().toISOString()}\n`;
  for (;;) {
    // The lock appears with its owner already written in it (link is atomic and fails if the lock
    // exists), so a process killed while taking it never leaves an anonymous lock behind.
    const mine = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(mine, me);
    let taken = false;
    try {
      await link(mine, lockPath);
      taken = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    } finally {
      await unlink(mine).catch(() => undefined);
    }
    if (taken) {
      return async () => {
        // Remove only our own lock: if it was broken as stale, it may now belong to someone else.
        const now = await readFile(lockPath, "utf8").catch(() => null);
        if (now === me) await unlink(lockPath).catch(() => undefined);
      };
    }
    const stale = await lockIsStale(lockPath, staleMs);
    if (stale !== null) {
      await breakLock(lockPath, stale);
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`The ledger is locked by another process (${lockPath}). Try again; if no upr-matrix process is running, delete that file.`);
    }
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 50);
  }
}

/**
 * Append events to a JSON Lines ledger file (created if missing): one write of whole lines under a
 * lock file, then fsync; resolves once the events are on disk. Throws when the events are invalid
 * or the file cannot be written.
 * @example
 * await appendLedgerFile("upr-tracking/ledger.jsonl", [event]);
 */
export async function appendLedgerFile(path: string, events: readonly StatusEvent[], options: AppendOptions = {}): Promise<void> {
  if (events.length === 0) return;
  const lines = events.map((e) => JSON.stringify(StatusEvent.parse(e))).join("\n");
  const release = await acquireLock(`${path}.lock`, options);
  try {
    const fh = await open(path, "a+");
    try {
      const { size } = await fh.stat();
      let prefix = "";
      if (size > 0) {
        const last = Buffer.alloc(1);
        await fh.read(last, 0, 1, size - 1);
        // A line cut by a crash: end it, so that it cannot swallow the events written now.
        if (last[0] !== 0x0a) prefix = "\n";
      }
      const data = Buffer.from(`${prefix}${lines}\n`, "utf8");
      const piece = options.chunkBytes && options.chunkBytes > 0 ? options.chunkBytes : data.length;
      let written = 0;
      while (written < data.length) {
        const { bytesWritten } = await fh.write(data, written, Math.min(piece, data.length - written));
        written += bytesWritten;
      }
      await fh.sync();
    } finally {
      await fh.close();
    }
  } finally {
    await release();
  }
}

/** Options for reading a ledger file. */
export interface ReadLedgerOptions {
  /** A missing file reads as an empty ledger instead of a `file-error` diagnostic. */
  missingOk?: boolean;
}

/**
 * Read a JSON Lines ledger: every complete, valid event (each id once), with diagnostics for a line
 * cut by a crash (`ledger-torn-line`), an invalid event (`ledger-invalid-event`) or an event written
 * twice (`ledger-duplicate-event`). Never throws.
 * @example
 * const { events, diagnostics } = await readLedgerFile("upr-tracking/ledger.jsonl");
 */
export async function readLedgerFile(path: string, options: ReadLedgerOptions = {}): Promise<LedgerRead> {
  const diagnostics: Diagnostic[] = [];
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "ENOENT" && options.missingOk) return { events: [], diagnostics };
    const why = err.code === "ENOENT" ? "No such ledger file." : err.code === "EACCES" ? "Permission denied." : `Cannot read the ledger: ${err.message}`;
    return { events: [], diagnostics: [{ code: "file-error", severity: "error", message: why, place: { file: path } }] };
  }
  const events: StatusEvent[] = [];
  const ids = new Set<string>();
  let duplicates = 0;
  let firstDuplicate = 0;
  const lines = text.split("\n");
  const endsClean = text.endsWith("\n");
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, "");
    if (line.trim() === "") return;
    const lineNo = i + 1;
    const last = i === lines.length - 1;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      diagnostics.push({
        code: "ledger-torn-line",
        severity: "warning",
        message: last && !endsClean
          ? `The last line (${line.length} characters) was cut by a crash while being written; skipped. Every complete event is kept.`
          : `Line ${lineNo} is incomplete (cut by a crash while being written); skipped. Every complete event is kept.`,
        place: { file: path, line: lineNo },
        actual: line.length > 80 ? `${line.slice(0, 80)}…` : line,
      });
      return;
    }
    const parsed = StatusEvent.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      diagnostics.push({
        code: "ledger-invalid-event",
        severity: "error",
        message: `Line ${lineNo} is not a valid event: ${issue?.path.join(".") || "event"}: ${issue?.message ?? "invalid"}. Skipped.`,
        place: { file: path, line: lineNo, ...(issue?.path.length ? { field: issue.path.join(".") } : {}) },
      });
      return;
    }
    if (ids.has(parsed.data.eventId)) {
      duplicates++;
      firstDuplicate ||= lineNo;
      return;
    }
    ids.add(parsed.data.eventId);
    events.push(parsed.data);
  });
  if (duplicates > 0) {
    diagnostics.push({
      code: "ledger-duplicate-event",
      severity: "info",
      message: `${duplicates} event(s) were written twice (first at line ${firstDuplicate}); each is read once.`,
      place: { file: path, line: firstDuplicate },
    });
  }
  return { events, diagnostics };
}

/**
 * The JSON Lines file as a `LedgerStore`: a missing file is an empty ledger.
 * @example
 * const store = jsonlLedgerStore("upr-tracking/ledger.jsonl");
 * await recordEvents(store, events);
 */
export function jsonlLedgerStore(path: string, options: AppendOptions = {}): LedgerStore {
  return {
    read: () => readLedgerFile(path, { missingOk: true }),
    append: (events) => appendLedgerFile(path, events, options),
  };
}
