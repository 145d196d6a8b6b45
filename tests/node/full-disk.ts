// A full disk for tests: with `vi.mock("node:fs/promises", ...)` and mockFs, the temporary files of
// src/node/write-file.ts accept `disk.fullAfter(n)` bytes in all, then fail with ENOSPC as a full disk does.
import type * as fsp from "node:fs/promises";

let quota = Infinity;

/** The disk's state, reset after each test. */
export const disk = {
  /** From now on, temporary files take `bytes` more bytes in all, then refuse. */
  fullAfter(bytes: number): void {
    quota = bytes;
  },
  reset(): void {
    quota = Infinity;
  },
};

const enospc = () => Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28, syscall: "write" });

/** node:fs/promises with `open` of temporary files (`*.tmp`) counting bytes against the quota. */
export function mockFs(real: typeof fsp): typeof fsp {
  const open = async (...args: Parameters<typeof fsp.open>) => {
    const handle = await real.open(...args);
    if (!String(args[0]).endsWith(".tmp")) return handle;
    const write = handle.write.bind(handle) as (b: Uint8Array, offset: number, length: number) => Promise<{ bytesWritten: number; buffer: Uint8Array }>;
    return Object.assign(Object.create(handle) as fsp.FileHandle, {
      async write(bytes: Uint8Array, offset = 0, length = bytes.length - offset) {
        if (length > quota) {
          if (quota > 0) await write(bytes, offset, quota);
          quota = 0;
          throw enospc();
        }
        quota -= length;
        return write(bytes, offset, length);
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    });
  };
  return { ...real, open, default: { ...real, open } } as typeof fsp;
}
