/**
 * Generates the test fixtures in `fixtures/` and, beside each one, `<name>.expected.json`, written from the
 * data the generator put in the file (never by running a parser).
 *
 * Run with `npm run fixtures` (`tsx scripts/make-fixtures.ts`); `--check` regenerates in memory and exits 1
 * when a file on disk differs. Output is deterministic: seeded random numbers, fixed document dates, zip
 * entries re-packed with a fixed time. See docs/fixtures.md for what each fixture imitates and exercises.
 *
 * One module per fixture family in `scripts/fixtures/`; to add a fixture, write its function there and list
 * it in FIXTURES below. The recommendation texts are invented for the fixtures (realistic UN wording), not
 * copied from any report.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { strToU8 } from "fflate";
import { buildExpected, formatJson, type Output, type RowKind } from "./fixtures/expected.js";
import { fixtureG1French, fixtureG1Uganda, fixtureSample } from "./fixtures/ohchr-g1.js";
import { fixtureG3 } from "./fixtures/ohchr-g3.js";
import { fixtureOhchrEnXlsx, fixtureOhchrEs } from "./fixtures/ohchr-xlsx.js";
import { fixtureUhriCsv, fixtureUhriXlsx } from "./fixtures/uhri.js";
import { fixtureUprInfo } from "./fixtures/upr-info.js";
import { fixtureUserSheetEs, fixtureUserSheetFr, fixtureUserSheetUtf16 } from "./fixtures/user-sheets.js";
import { wgReportFixtures } from "./fixtures/wg-reports.js";
import { fixtureNationalTrackerFr } from "./fixtures/trackers.js";

const OUT = join(resolve(dirname(fileURLToPath(import.meta.url)), ".."), "fixtures");
const CHECK = process.argv.includes("--check");

/** Every fixture, in the order the summary lists them. */
const FIXTURES: readonly (() => Promise<Output>)[] = [
  fixtureG1Uganda, fixtureG3, fixtureG1French, fixtureOhchrEs, fixtureOhchrEnXlsx, fixtureUhriXlsx, fixtureUhriCsv,
  fixtureUprInfo, fixtureUserSheetFr, fixtureUserSheetEs, fixtureUserSheetUtf16, fixtureSample, fixtureNationalTrackerFr,
];

async function main(): Promise<void> {
  const outputs: Output[] = [];
  for (const make of FIXTURES) outputs.push(await make());
  let stale = 0;
  for (const o of outputs) {
    const expected = strToU8(`${formatJson(buildExpected(o.meta, o.ledger))}\n`);
    // <name>.expected.json beside <name>.<ext>; the two UHRI files share a name, so theirs keep the extension.
    const base = o.path.replace(/\.[a-z0-9]+$/, "");
    const shared = outputs.filter((x) => x.path.replace(/\.[a-z0-9]+$/, "") === base).length > 1;
    const expectedPath = `${shared ? o.path : base}.expected.json`;
    if (o.bytes.length > 200_000) throw new Error(`${o.path} is ${o.bytes.length} bytes (limit 200 KB)`);
    for (const [rel, bytes] of [[o.path, o.bytes], [expectedPath, expected]] as const) {
      const file = join(OUT, rel);
      if (CHECK) {
        const same = existsSync(file) && Buffer.compare(readFileSync(file), Buffer.from(bytes)) === 0;
        if (!same) {
          stale++;
          console.error(`stale: fixtures/${rel}`);
        }
      } else {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, bytes);
      }
    }
    const k = (x: RowKind) => o.ledger.kinds.filter((y) => y === x).length;
    console.log(
      `${o.path.padEnd(30)} ${String(o.bytes.length).padStart(7)} B  rows ${String(o.ledger.kinds.length).padStart(3)}  recs ${String(k("recommendation")).padStart(3)}  ` +
        `diagnostics [${o.meta.diagnostics.join(", ")}]`,
    );
  }
  // Working Group reports (PDF, text, .docx) with their own expected.json (not tables: no row ledger).
  for (const f of await wgReportFixtures()) {
    if (f.bytes.length > 200_000) throw new Error(`${f.path} is ${f.bytes.length} bytes (limit 200 KB)`);
    const file = join(OUT, f.path);
    if (CHECK) {
      if (!(existsSync(file) && Buffer.compare(readFileSync(file), Buffer.from(f.bytes)) === 0)) {
        stale++;
        console.error(`stale: fixtures/${f.path}`);
      }
    } else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, f.bytes);
    }
    console.log(`${f.path.padEnd(30)} ${String(f.bytes.length).padStart(7)} B`);
  }
  if (CHECK && stale > 0) {
    console.error(`${stale} fixture file(s) differ from the generator: run npm run fixtures`);
    process.exitCode = 1;
  }
}

await main();
