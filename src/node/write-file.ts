// Files written whole or not at all. The data goes to a temporary file in the target's folder, is
// flushed to the disk (fsync), then renamed over the target: a full disk, a crash or an error halfway
// leaves the previous file as it was, never a truncated one, and every failed write throws.
import { randomBytes } from "node:crypto";
import { chmod, type FileHandle, mkdir, open, realpath, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** A file being written: nothing reaches the target until commit(). */
export interface AtomicFile {
  /** Append text (UTF-8) or bytes; throws when the disk refuses them (full, read-only, quota). */
  write(data: string | Uint8Array): Promise<void>;
  /** Flush to the disk and put the file in place of the target. */
  commit(): Promise<void>;
  /** Give up: the temporary file is removed and the target left as it was. Never throws. */
  abort(): Promise<void>;
}

async function writeAll(fh: FileHandle, data: string | Uint8Array): Promise<void> {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  for (let done = 0; done < bytes.length; ) done += (await fh.write(bytes, done, bytes.length - done)).bytesWritten;
}

/** Make the rename itself durable; some systems cannot open a folder: the data is already safe there. */
async function syncFolder(folder: string): Promise<void> {
  const dir = await open(folder, "r").catch(() => null);
  if (!dir) return;
  await dir.sync().catch(() => undefined);
  await dir.close().catch(() => undefined);
}

/**
 * Open `path` for writing as a whole (its folder is created). A symbolic link is followed, so the file it
 * points to is replaced and the link kept. A device or a pipe (`/dev/null`, a FIFO) cannot be replaced:
 * it is written directly, and write errors still throw. A folder is refused.
 * @example
 * const file = await openAtomic("out/all.jsonl");
 * try {
 *   await file.write('{"id":"117.1"}\n');
 *   await file.commit();
 * } catch (e) {
 *   await file.abort();
 *   throw e;
 * }
 */
export async function openAtomic(path: string): Promise<AtomicFile> {
  await mkdir(dirname(path), { recursive: true });
  const target = await realpath(path).catch(() => path);
  const existing = await stat(target).catch(() => null);
  if (existing?.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: "EISDIR" });
  if (existing && !existing.isFile()) {
    const fh = await open(target, "w");
    return {
      write: (data) => writeAll(fh, data),
      commit: () => fh.close(),
      abort: () => fh.close().catch(() => undefined),
    };
  }
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  const fh = await open(temp, "wx");
  let handleOpen = true;
  const discard = async () => {
    if (handleOpen) await fh.close().catch(() => undefined);
    handleOpen = false;
    await unlink(temp).catch(() => undefined);
  };
  try {
    // A replaced file keeps its permissions.
    if (existing) await chmod(temp, existing.mode & 0o7777);
  } catch (e) {
    await discard();
    throw e;
  }
  return {
    write: (data) => writeAll(fh, data),
    async commit() {
      try {
        await fh.sync();
        handleOpen = false;
        await fh.close();
        await rename(temp, target);
      } catch (e) {
        await discard();
        throw e;
      }
      await syncFolder(dirname(target));
    },
    abort: discard,
  };
}

/**
 * Write `data` to `path` as a whole: the target holds either its old content or all of `data`, never a
 * part (see openAtomic). Throws when the write fails.
 * @example
 * await writeFileAtomic("upr-tracking/recommendations.json", JSON.stringify(result, null, 2));
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const file = await openAtomic(path);
  try {
    await file.write(data);
    await file.commit();
  } catch (e) {
    await file.abort();
    throw e;
  }
}
