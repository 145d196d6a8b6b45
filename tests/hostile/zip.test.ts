import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { SaxesParser } from "saxes";
import { describe, expect, test } from "vitest";
import { repairWindows1252, decodeText } from "../../src/ingest/decode.js";
import { sniffFormat } from "../../src/ingest/sniff.js";
import { declaresDtd, prologText, readZipDirectory, ZipError, ZipReader } from "../../src/ingest/zip.js";
import { quote } from "../../src/internal/quote.js";
import { badDir } from "./manifest.js";

const bad = (name: string) => new Uint8Array(readFileSync(join(badDir, name)));
const limits = { maxBytes: 512 * 1024 * 1024, maxEntries: 10_000 };

function zipError(f: () => unknown): ZipError {
  try {
    f();
  } catch (e) {
    if (e instanceof ZipError) return e;
    throw e;
  }
  throw new Error("no ZipError");
}

describe("the zip guard (src/ingest/zip.ts)", () => {
  test("reads a directory and inflates entries, checking sizes and CRC", () => {
    const bytes = zipSync({ "a.xml": strToU8("<a>héllo</a>"), "b/c.txt": [strToU8("x".repeat(100_000)), { level: 9 }] });
    const zip = new ZipReader(bytes, limits);
    expect([...zip.entries.keys()]).toEqual(["a.xml", "b/c.txt"]);
    expect(zip.text("a.xml")).toBe("<a>héllo</a>");
    expect(zip.read("b/c.txt")!.length).toBe(100_000);
    expect(zip.read("missing")).toBeUndefined();
    expect([...zip.chunks("a.xml")].join("")).toBe("<a>héllo</a>");
    expect([...zip.chunks("missing")]).toEqual([]);
  });

  test("the inflated bytes of a file are bounded by maxBytes, counted as they come", () => {
    const bytes = zipSync({ "a.xml": strToU8(`<a>${" ".repeat(2_000_000)}</a>`), "b.xml": strToU8(`<b>${" ".repeat(2_000_000)}</b>`) });
    expect(zipError(() => new ZipReader(bytes, { maxBytes: 3_000_000, maxEntries: 10 })).code).toBe("limit-exceeded");
    // Declared sizes not counted (an image never read) do not count.
    const zip = new ZipReader(bytes, { maxBytes: 3_000_000, maxEntries: 10 }, (n) => n === "a.xml");
    expect(zip.read("a.xml")!.length).toBe(2_000_007);
    expect(zipError(() => zip.read("b.xml")).message).toMatch(/more than 3000000 bytes \(limits\.maxBytes\)/);
  });

  test("too many entries, a lying directory, a damaged entry", () => {
    expect(zipError(() => readZipDirectory(bad("docx-too-many-entries.docx"), 10_000)).message).toMatch(/65535 entries, more than 10000/);
    expect(zipError(() => new ZipReader(bad("docx-zip-bomb-lying.docx"), limits).read("word/document.xml")).message).toMatch(/expands past its declared 2048 bytes/);
    expect(zipError(() => new ZipReader(bad("docx-crc-mismatch.docx"), limits).read("word/document.xml")).message).toMatch(/fails its CRC check/);
    expect(zipError(() => readZipDirectory(bad("docx-truncated.docx"), 10_000)).code).toBe("corrupt-file");
    expect(zipError(() => readZipDirectory(new Uint8Array(10), 10)).message).toMatch(/too short/);
  });

  test("an entry is charged to maxBytes once: a second pass over it is free, a third entry is not", () => {
    const bytes = zipSync({ "a.xml": strToU8(`<a>${" ".repeat(2_000_000)}</a>`), "b.xml": strToU8(`<b>${" ".repeat(2_000_000)}</b>`) });
    const zip = new ZipReader(bytes, { maxBytes: 5_000_000, maxEntries: 10 });
    for (let pass = 0; pass < 3; pass++) expect([...zip.chunks("a.xml")].join("").length).toBe(2_000_007);
    expect(zip.read("b.xml")!.length).toBe(2_000_007);
    // A pass stopped before its end is not a checked read: reading the entry again is charged again.
    const early = new ZipReader(bytes, { maxBytes: 3_000_000, maxEntries: 10 }, () => false);
    for (const _ of early.chunks("a.xml")) break;
    expect(zipError(() => early.read("a.xml")).code).toBe("limit-exceeded");
  });

  test("a DTD is found in any prolog, in any UTF encoding, and a clean one is not", () => {
    expect(declaresDtd('<?xml version="1.0"?><w:document/>')).toBeNull();
    expect(declaresDtd('<?xml version="1.0"?>\n<!-- c --><?pi x?>\n<!DOCTYPE x><x/>')).toBe("declares a DTD (<!DOCTYPE ...>)");
    expect(declaresDtd('<!doctype x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>')).toMatch(/external entity/);
    expect(declaresDtd(`<?xml version="1.0"?><!--${" ".repeat(70_000)}--><!DOCTYPE x><x/>`)).toMatch(/prolog longer than 64 KB/);
    // The DOCTYPE after the root element is no prolog: not a DTD (and not well formed, which the parser says).
    expect(declaresDtd("<x/><!DOCTYPE y>")).toBeNull();
    const utf16 = (s: string, bom: number[]) => new Uint8Array([...bom, ...[...s].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(declaresDtd(prologText(utf16('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><x/>', [0xff, 0xfe])))).not.toBeNull();
    expect(declaresDtd(prologText(new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8("<!DOCTYPE x><x/>")])))).not.toBeNull();
  });

  test("saxes never expands a DTD's entities: an entity it was not told about is an error", () => {
    // Why the guard is a second line: even unguarded, the billion laughs end in an error, not in memory.
    const laughs = '<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><x>&b;</x>';
    expect(() => new SaxesParser().write(laughs).close()).toThrow(/undefined entity/);
    expect(() => new SaxesParser().write('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>').close()).toThrow(/undefined entity/);
  });

  test("names from a file are quoted on one line, control characters escaped", () => {
    expect(quote("a\nb\u001b[2J\u009b\u2028")).toBe('"a\\nb\\u001b[2J\\u009b\\u2028"');
    expect(quote("x".repeat(300)).length).toBeLessThan(210);
  });
});

describe("sniffing and decoding hostile bytes", () => {
  test("a truncated docx or xlsx is still recognised from its local headers", () => {
    expect(sniffFormat(bad("docx-truncated.docx"))).toBe("docx");
    expect(sniffFormat(bad("xlsx-truncated.xlsx"))).toBe("xlsx");
    expect(sniffFormat(bad("docx-too-many-entries.docx"))).toBe("docx");
  });

  test("Windows-1252 bytes 0x80-0x9F decode to their characters, whatever the runtime's decoder does", () => {
    expect(repairWindows1252(new TextDecoder("windows-1252").decode(new Uint8Array([0x93, 0x41, 0x94, 0x96, 0x80, 0x85])))).toBe("“A”–€…");
    expect(decodeText(new Uint8Array([0x93, 0x65, 0x6c, 0x20, 0x6e, 0x69, 0xf1, 0x6f, 0x94])).text).toBe("“el niño”");
    // The five bytes the code page leaves undefined stay C1 controls, as a browser decodes them.
    expect(repairWindows1252("\u0081\u008d\u008f\u0090\u009d")).toBe("\u0081\u008d\u008f\u0090\u009d");
  });
});
