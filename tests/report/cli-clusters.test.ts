// The CLI in-process (run()): --clusters for report, skeleton, track export and track status, and the
// implementation figures of `track status` under the reports' rule (denominator and coverage, no rate
// below the coverage threshold).
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, test } from "vitest";
import { run } from "../../src/cli/run.js";
import { headings, readDocxBlocks, sampleFile } from "./helpers.js";

const tmp = mkdtempSync(join(tmpdir(), "upr-clusters-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function capture(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { text: () => string };
  w.text = () => chunks.join("");
  return w;
}

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = capture();
  const stderr = capture();
  const code = await run(argv, { stdout, stderr, env: { NO_COLOR: "1", UPR_MATRIX_NOW: "2025-03-01T09:00:00.000Z" }, isTTY: false });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const map = join(tmp, "clusters.csv");
writeFileSync(map, "cluster,theme or paragraph\nInternational commitments,A1\nInternational commitments,A2\nJustice and security,D\nEveryone's rights,B3\nEveryone's rights,F\nEveryone's rights,G\n");

describe("--clusters", () => {
  test("report: the map's clusters, what it does not cover in the default ones, said in a note", async () => {
    const r = await cli("report", sampleFile, "--clusters", map, "--format", "json", "--jobs", "1");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { stats: { clusterMap: { source: string; fallback: number } }; clusters: { name: string; origin: string }[] };
    expect(json.clusters.slice(0, 3).map((c) => [c.name, c.origin])).toEqual([["International commitments", "map"], ["Justice and security", "map"], ["Everyone's rights", "map"]]);
    // Themes the map does not name (A3 inter-State cooperation, A4, B5 ...) keep their default cluster.
    expect(json.clusters.slice(3).every((c) => c.origin === "default")).toBe(true);
    expect(json.stats.clusterMap.source).toBe(map);
    expect(json.stats.clusterMap.fallback).toBeGreaterThan(0);
  });

  test("skeleton: its clusters head the subsections", async () => {
    const out = join(tmp, "skeleton.docx");
    const r = await cli("skeleton", sampleFile, "--clusters", map, "--out", out, "--jobs", "1");
    expect(r.code).toBe(0);
    expect(headings(readDocxBlocks(new Uint8Array(readFileSync(out))), "Heading2").slice(0, 3)).toEqual(["A. International commitments", "B. Justice and security", "C. Everyone's rights"]);
  });

  test("a map that cannot be read is a usage error (exit 2), with one line", async () => {
    const bad = join(tmp, "bad.json");
    writeFileSync(bad, "{ nope");
    const r = await cli("report", sampleFile, "--clusters", bad, "--jobs", "1");
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("not valid JSON");
  });

  test("track export --by cluster and track status --by cluster use the plain-language clusters", async () => {
    const dir = join(tmp, "project");
    expect((await cli("track", "init", sampleFile, "--dir", dir, "--jobs", "1")).code).toBe(0);
    expect((await cli("track", "update", "142.28", "--status", "fully implemented", "--dir", dir)).code).toBe(0);
    const out = join(tmp, "exports");
    expect((await cli("track", "export", "--dir", dir, "--by", "cluster", "--lang", "fr", "--out", out)).code).toBe(0);
    expect(readdirSync(out)).toContain("cluster-droits-de-lenfant.xlsx");
    const status = await cli("track", "status", "--dir", dir, "--by", "cluster");
    expect(status.code).toBe(0);
    const lines = status.stdout.split("\n");
    expect(lines[0]).toMatch(/^cluster\s.*assessed\s+coverage\s+implemented\s+conflicts$/);
    // One assessed of 32: the count, not "100%".
    const row = lines.find((l) => l.startsWith("International obligations"))!;
    expect(row).toMatch(/1\/32\s+3%\s+\(1 of 1\)/);
    expect(status.stdout).toContain("a rate only when at least 50% of the applicable ones are assessed");
    const json = JSON.parse((await cli("track", "status", "--dir", dir, "--by", "cluster", "--format", "json", "--clusters", map)).stdout) as { groups: { group: string; rated: boolean; rate: number | null; assessed: number }[] };
    const commitments = json.groups.find((g) => g.group === "International commitments")!;
    expect([commitments.assessed, commitments.rated, commitments.rate]).toEqual([1, false, null]);
  });
});
