// processFiles: the batch API behind `upr-matrix parse`. Order, parts, progress, worker threads,
// streaming reads that give what whole reads give, and files that fail without stopping the batch.
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { classify } from "../../src/classify/classify.js";
import { mergeResults } from "../../src/ingest/result.js";
import { type BatchPlan, type BatchProgress, type FileResult, processFiles, type ProcessOptions } from "../../src/node/process-files.js";
import { CSV_STREAM_ABOVE, readFileInParts } from "../../src/node/read-parts.js";
import { readMatrixFile } from "../../src/node/read-file.js";
import type { ParseResult } from "../../src/schema/result.js";
import { corpusDir, hasCorpus, noticeIfAbsent } from "../corpus/corpus.js";
import { ROOT, tempDir } from "../cli/built.js";

const FIXTURES = join(ROOT, "fixtures");
const hasFixtures = existsSync(join(FIXTURES, "upr-info.csv"));
const TOP = hasFixtures ? readdirSync(FIXTURES).filter((f) => /\.(csv|xlsx|docx)$/.test(f)).sort().map((f) => `fixtures/${f}`) : [];

async function collect(paths: string[], options: ProcessOptions = {}): Promise<FileResult[]> {
  const out: FileResult[] = [];
  for await (const r of processFiles(paths, options)) out.push(r);
  return out;
}

/** The result with diagnostics in a fixed order: parts may list them in another order than a whole read. */
function comparable(r: ParseResult): ParseResult {
  return { ...r, diagnostics: [...r.diagnostics].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)) };
}

async function readStreamed(path: string, partSize: number, chunkBytes = 4096): Promise<{ merged: ParseResult; parts: number }> {
  const parts: ParseResult[] = [];
  const rest = await readFileInParts(path, {}, { streamAbove: 0, partSize, chunkBytes }, async (p) => {
    parts.push({ ...p, sources: [] });
  });
  return { merged: mergeResults([...parts, rest]), parts: parts.length };
}

describe.skipIf(!hasFixtures)("processFiles", () => {
  test("one final result per file, in input order, each what readMatrixFile gives; progress up to the end", async () => {
    const progress: BatchProgress[] = [];
    const results = await collect([...TOP, "fixtures/sample"], { jobs: 1, onProgress: (p) => progress.push(p) });
    const paths = [...TOP, "fixtures/sample/ohchr-matrix-en.docx"];
    expect(results.map((r) => r.path)).toEqual(paths);
    expect(results.map((r) => r.index)).toEqual(paths.map((_, i) => i));
    for (const r of results) {
      expect(r.final).toBe(true);
      expect(r.count).toBe(r.recommendations.length);
      const alone = await readMatrixFile(r.path);
      expect(JSON.stringify({ recommendations: r.recommendations, diagnostics: r.diagnostics, sources: r.sources })).toBe(JSON.stringify(alone));
    }
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ files: paths.length, filesDone: paths.length, recommendations: results.reduce((a, r) => a + r.count, 0) });
    expect(last.bytesDone).toBe(last.bytes);
    expect(progress.map((p) => p.filesDone)).toEqual([...progress.map((p) => p.filesDone)].sort((a, b) => a - b));
  });

  test("worker threads give the same results as one thread", async () => {
    const one = await collect(TOP, { jobs: 1 });
    const two = await collect(TOP, { jobs: 2 });
    expect(two.map((r) => JSON.stringify({ ...r, ms: 0 }))).toEqual(one.map((r) => JSON.stringify({ ...r, ms: 0 })));
  }, 60_000);

  test("two worker threads write the same JSON Lines, in the same order, as one thread: large files waited for, smaller ones read ahead, streamed parts", async () => {
    // Two CSV files over 2 MB read whole (one at a time) with small files between and after them, and
    // one streamed in parts: the order of reading differs from the order of the output.
    const dir = tempDir("pf-order");
    const row = (i: number) => `"Recommendation ${i}: ensure that every child is registered at birth, in region ${i % 97}.","Supported","Kenya","Africa"\r\n`;
    const big = (n: number) => `"Recommendation","Response","Recommending State","Regional Group"\r\n${Array.from({ length: n }, (_, i) => row(i)).join("")}`;
    writeFileSync(join(dir, "b-large.csv"), big(24_000));
    writeFileSync(join(dir, "d-large.csv"), big(24_000));
    writeFileSync(join(dir, "f-streamed.csv"), big(40_000)); // over CSV_STREAM_ABOVE
    const files = [...TOP.slice(0, 3), join(dir, "b-large.csv"), ...TOP.slice(3, 6), join(dir, "d-large.csv"), ...TOP.slice(6), join(dir, "f-streamed.csv")];
    const options: ProcessOptions = { render: "jsonl", partSize: 1000 };
    const one = await collect(files, { ...options, jobs: 1 });
    const two = await collect(files, { ...options, jobs: 2 });
    const text = (rs: FileResult[]) => rs.map((r) => new TextDecoder().decode(r.rendered)).join("");
    expect(text(two)).toBe(text(one));
    expect(two.map((r) => [r.path, r.part, r.final, r.count])).toEqual(one.map((r) => [r.path, r.part, r.final, r.count]));
    expect(two.map((r) => JSON.stringify([r.diagnostics, r.sources]))).toEqual(one.map((r) => JSON.stringify([r.diagnostics, r.sources])));
    expect(statSync(join(dir, "b-large.csv")).size).toBeGreaterThan(2 * 1024 * 1024);
    expect(statSync(join(dir, "f-streamed.csv")).size).toBeGreaterThan(CSV_STREAM_ABOVE);
    expect(one.filter((r) => r.path.endsWith("f-streamed.csv")).length).toBeGreaterThan(1);
  }, 120_000);

  test("jobs auto: small inputs are read in this thread, and the plan says why", async () => {
    const plans: BatchPlan[] = [];
    await collect(TOP, { onPlan: (p) => plans.push(p) });
    await collect(TOP, { jobs: 2, onPlan: (p) => plans.push(p) });
    await collect(["fixtures/upr-info.csv"], { jobs: "auto", onPlan: (p) => plans.push(p) });
    expect(plans.map((p) => p.threads)).toEqual([1, 2, 1]);
    // Small, or (on a shared machine) the cores are busy: either way one thread.
    expect(plans[0]).toMatchObject({ files: TOP.length, reason: expect.stringMatching(/besides the largest file|cores are busy/) });
    expect(plans[0]!.bytes).toBeGreaterThan(0);
    expect(plans[1]!.reason).toBe("jobs is 2");
    expect(plans[2]!.reason).toBe("one file is read by one thread");
  });

  test("render: recommendations come as JSON text, the same recommendations", async () => {
    const objects = await collect(["fixtures/upr-info.csv", "fixtures/ohchr-fr.docx"], { jobs: 1 });
    const lines = await collect(["fixtures/upr-info.csv", "fixtures/ohchr-fr.docx"], { jobs: 1, render: "jsonl" });
    for (const [i, r] of lines.entries()) {
      expect(r.recommendations).toEqual([]);
      expect(r.count).toBe(objects[i]!.recommendations.length);
      expect(new TextDecoder().decode(r.rendered)).toBe(objects[i]!.recommendations.map((x) => `${JSON.stringify(x)}\n`).join(""));
    }
  });

  test("classify: labels filled in the workers, as classify() fills them after a read", async () => {
    const files = ["fixtures/upr-info.csv", "fixtures/ohchr-fr.docx", "fixtures/uhri-export.xlsx"];
    const plain = await collect(files, { jobs: 1 });
    const labelled = await collect(files, { jobs: 2, classify: { maxLabels: 4 } });
    for (const [i, r] of labelled.entries()) {
      const expected = classify(plain[i]!.recommendations, { maxLabels: 4 });
      expect(r.recommendations).toEqual(expected.recommendations);
      expect(r.diagnostics).toEqual([...plain[i]!.diagnostics, ...expected.diagnostics]);
      const labels = r.recommendations.flatMap((x) => [...x.themes, ...x.affectedPersons, ...x.sdgs, ...x.issues, ...(x.actionCategory ? [x.actionCategory] : [])]);
      expect(labels.some((l) => l.source === "classifier")).toBe(true);
    }
    await expect(collect(files, { classify: { maxLabels: 0 } })).rejects.toThrow();
  }, 60_000);

  test("missing files, unmatched patterns and damaged files give an unreadable result, and the batch goes on", async () => {
    const dir = tempDir("pf-bad");
    writeFileSync(join(dir, "empty.csv"), "");
    const results = await collect(["nowhere/*.csv", join(dir, "missing.docx"), join(dir, "empty.csv"), "fixtures/upr-info.csv"], { jobs: 1 });
    expect(results.map((r) => [r.path.replace(dir, "DIR"), r.unreadable, r.diagnostics[0]?.code])).toEqual([
      ["nowhere/*.csv", true, "file-error"],
      ["DIR/missing.docx", true, "file-error"],
      ["DIR/empty.csv", true, "empty-file"],
      ["fixtures/upr-info.csv", false, "encoding-guessed"],
    ]);
    expect(results[3]!.count).toBeGreaterThan(0);
  });

  test("bad options throw before any file is read", async () => {
    await expect(collect(["fixtures/upr-info.csv"], { headerRow: -1 })).rejects.toThrow();
  });

  test("stopping early ends the worker threads", async () => {
    for await (const r of processFiles(TOP, { jobs: 2 })) {
      expect(r.index).toBe(0);
      break;
    }
    // Reaching this line means the generator's cleanup (worker.terminate) finished.
  }, 60_000);

  test("a worker that runs out of memory fails its file only", async () => {
    const dir = tempDir("pf-oom");
    const big = join(dir, "big.xlsx");
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: big, useSharedStrings: true });
    const ws = wb.addWorksheet("Export");
    ws.addRow(["Text", "UPR Position", "Countries Concerned"]).commit();
    for (let i = 0; i < 150_000; i++) ws.addRow([`Recommendation ${i}: ensure that every child is registered at birth and that the registry is free of charge in region ${i % 97}.`, i % 3 ? "Supported" : "Noted", "Kenya"]).commit();
    await wb.commit();
    const results = await collect(["fixtures/upr-info.csv", big, "fixtures/ohchr-g1-en.docx"], { jobs: 2, workerMemoryMb: 48, streamAbove: 1 << 30 });
    expect(results.map((r) => r.path)).toEqual(["fixtures/upr-info.csv", big, "fixtures/ohchr-g1-en.docx"]);
    expect(results[1]!.diagnostics).toEqual([expect.objectContaining({ code: "limit-exceeded", severity: "error" })]);
    expect(results[0]!.count).toBeGreaterThan(0);
    expect(results[2]!.count).toBeGreaterThan(0);
  }, 60_000);
});

describe.skipIf(!hasFixtures)("large files in parts", () => {
  test("a CSV read as a stream, in small parts and chunks, gives what a whole read gives", async () => {
    for (const f of TOP.filter((p) => p.endsWith(".csv"))) {
      const whole = await readMatrixFile(f);
      // Chunks of 512 bytes: records, quoted fields, CRLF and multi-byte characters cut across chunks.
      const { merged } = await readStreamed(f, 7, 512);
      expect(comparable(merged), f).toEqual(comparable(whole));
    }
  });

  test("a workbook or a document read in parts gives what a whole read gives, merged cells included", async () => {
    for (const f of TOP.filter((p) => /\.(xlsx|docx)$/.test(p))) {
      const whole = await readMatrixFile(f);
      const { merged, parts } = await readStreamed(f, 3);
      if (whole.recommendations.length > 4) expect(parts, f).toBeGreaterThan(0);
      expect(comparable(merged), f).toEqual(comparable(whole));
    }
  });

  test("processFiles hands a streamed file over part by part; the last part carries the source", async () => {
    const results = await collect(["fixtures/upr-info.csv"], { jobs: 1, streamAbove: 0, partSize: 10 });
    expect(results.length).toBeGreaterThan(2);
    expect(results.map((r) => r.part)).toEqual(results.map((_, i) => i));
    expect(results.slice(0, -1).every((r) => !r.final && r.sources.length === 0)).toBe(true);
    const last = results.at(-1)!;
    expect(last.final).toBe(true);
    expect(last.sources[0]?.recommendations).toBe(results.reduce((a, r) => a + r.count, 0));
  });
});

describe.skipIf(!hasCorpus)("large files in parts, on the corpus", () => {
  noticeIfAbsent("streamed reads of the UPR Info exports");
  test("every UPR Info export read as a stream (4 KiB reads, parts of 500) equals the whole read", async () => {
    const dir = join(corpusDir, "upr-info");
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".csv"))) {
      const whole = await readMatrixFile(join(dir, f));
      const { merged, parts } = await readStreamed(join(dir, f), 500);
      expect(parts, f).toBeGreaterThan(0);
      expect(JSON.stringify(merged), f).toBe(JSON.stringify(whole));
    }
  }, 60_000);
});
