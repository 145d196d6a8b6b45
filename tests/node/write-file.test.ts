// Files written whole or not at all (src/node/write-file.ts): the target holds its old content or the
// new one, never a part, and a failed write throws. The disk is made to fail by a mocked fs whose
// temporary files refuse bytes after a quota, as a full disk does.
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { openAtomic, writeFileAtomic } from "../../src/node/write-file.js";
import { tempDir } from "../cli/built.js";
import { disk } from "./full-disk.js";

vi.mock("node:fs/promises", async (original) => (await import("./full-disk.js")).mockFs(await original()));

afterEach(() => disk.reset());

describe("writeFileAtomic", () => {
  test("writes a new file (folders created) and replaces an old one, keeping its permissions; no temporary file left", async () => {
    const dir = tempDir("atomic");
    const path = join(dir, "sub", "out.json");
    await writeFileAtomic(path, "first\n");
    expect(readFileSync(path, "utf8")).toBe("first\n");
    chmodSync(path, 0o640);
    await writeFileAtomic(path, new TextEncoder().encode("second\n"));
    expect(readFileSync(path, "utf8")).toBe("second\n");
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(dir, "sub"))).toEqual(["out.json"]);
  });

  test("a full disk: the write throws, the old file is intact, no temporary file is left", async () => {
    const dir = tempDir("atomic-full");
    const path = join(dir, "recommendations.json");
    writeFileSync(path, "the register\n");
    disk.fullAfter(10);
    await expect(writeFileAtomic(path, "x".repeat(1000))).rejects.toMatchObject({ code: "ENOSPC" });
    expect(readFileSync(path, "utf8")).toBe("the register\n");
    expect(readdirSync(dir)).toEqual(["recommendations.json"]);
  });

  test("a file written in pieces appears only on commit; abort leaves nothing", async () => {
    const dir = tempDir("atomic-pieces");
    const path = join(dir, "all.jsonl");
    const file = await openAtomic(path);
    await file.write("a\n");
    await file.write(new TextEncoder().encode("b\n"));
    expect(existsSync(path)).toBe(false);
    await file.commit();
    expect(readFileSync(path, "utf8")).toBe("a\nb\n");
    const again = await openAtomic(path);
    await again.write("c\n");
    await again.abort();
    expect(readFileSync(path, "utf8")).toBe("a\nb\n");
    expect(readdirSync(dir)).toEqual(["all.jsonl"]);
  });

  test("a symbolic link is followed: the file it points to is replaced, the link kept", async () => {
    const dir = tempDir("atomic-link");
    mkdirSync(join(dir, "real"));
    writeFileSync(join(dir, "real", "report.md"), "old");
    symlinkSync(join("real", "report.md"), join(dir, "report.md"));
    await writeFileAtomic(join(dir, "report.md"), "new");
    expect(lstatSync(join(dir, "report.md")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "report.md"))).toBe(join("real", "report.md"));
    expect(readFileSync(join(dir, "real", "report.md"), "utf8")).toBe("new");
  });

  test.skipIf(!existsSync("/dev/full"))("a device is written directly, and its errors still throw; a folder is refused", async () => {
    await writeFileAtomic("/dev/null", "nothing");
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
    await expect(writeFileAtomic("/dev/full", "x")).rejects.toMatchObject({ code: "ENOSPC" });
    await expect(writeFileAtomic(tempDir("atomic-dir"), "x")).rejects.toMatchObject({ code: "EISDIR" });
  });
});
