// The register of a tracking folder (recommendations.json): the `upr-matrix parse` JSON of the
// matrices given to `track init`, written one recommendation (and one diagnostic, one source) per
// line. It stays one JSON document (jq, a text editor, JSON.parse read it), but it is written and
// read a line at a time, so that it scales past the longest string JavaScript can hold (about 512 MB:
// `track init` of 800,000 recommendations).
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { MatrixError } from "../errors/matrix-error.js";
import { openAtomic } from "./write-file.js";
import { Diagnostic } from "../schema/diagnostic.js";
import { Recommendation } from "../schema/recommendation.js";
import { ParseResult } from "../schema/result.js";
import { Source } from "../schema/source.js";

const PARTS = [
  ["recommendations", Recommendation],
  ["diagnostics", Diagnostic],
  ["sources", Source],
] as const;

/**
 * The register's text in pieces of whole lines: `{"recommendations":[`, one item per line, and so on
 * for `diagnostics` and `sources`. Joined, they are one JSON document equal to `result`.
 * @example
 * JSON.parse([...registerLines(result)].join("")); // deep-equals result
 */
export function* registerLines(result: ParseResult): Generator<string> {
  for (const [i, [name]] of PARTS.entries()) {
    const items = result[name] as readonly unknown[];
    yield `${i === 0 ? "{" : "],"}${JSON.stringify(name)}:[\n`;
    for (let k = 0; k < items.length; k++) yield `${JSON.stringify(items[k])}${k < items.length - 1 ? "," : ""}\n`;
  }
  yield "]}\n";
}

/**
 * Write the register a bounded amount at a time through `openAtomic` (a temporary file, fsynced, then
 * renamed over `path`), so that a failed write (a full disk) leaves the previous register whole.
 * @example
 * await writeRegisterFile("upr-tracking/recommendations.json", result);
 */
export async function writeRegisterFile(path: string, result: ParseResult): Promise<void> {
  const file = await openAtomic(path);
  try {
    let batch: string[] = [];
    let size = 0;
    for (const line of registerLines(result)) {
      batch.push(line);
      size += line.length;
      if (size >= 8 * 1024 * 1024) {
        await file.write(batch.join(""));
        batch = [];
        size = 0;
      }
    }
    await file.write(batch.join(""));
    await file.commit();
  } catch (e) {
    await file.abort();
    throw e;
  }
}

/**
 * Read a register written by `writeRegisterFile` a line at a time (an older, indented register is
 * read whole). Throws `MatrixError("unreadable-input")` when it is missing, unreadable or not a valid
 * recommendation list, naming the line.
 * @example
 * const { recommendations } = await readRegisterFile("upr-tracking/recommendations.json");
 */
export async function readRegisterFile(path: string): Promise<ParseResult> {
  const bad = (why: string) => new MatrixError("unreadable-input", `${path} is not a valid recommendation list (${why}).`);
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8", highWaterMark: 1024 * 1024 }), crlfDelay: Infinity });
  const out: ParseResult = { recommendations: [], diagnostics: [], sources: [] };
  let part = -1;
  let lineNo = 0;
  let older: string[] | null = null;
  let closed = false;
  try {
    for await (const raw of lines) {
      lineNo++;
      if (older) {
        older.push(raw);
        continue;
      }
      const line = lineNo === 1 ? raw.replace(/^\ufeff/, "") : raw;
      const header = /^(?:\{|\],)"(\w+)":\[$/.exec(line);
      if (header) {
        part++;
        if (PARTS[part]?.[0] !== header[1]) throw bad(`line ${lineNo}: "${header[1]}" where "${PARTS[part]?.[0] ?? "the end"}" was expected`);
        continue;
      }
      if (part < 0) {
        older = [line]; // not written a line per item: read whole
        continue;
      }
      if (line === "]}") closed = part === PARTS.length - 1;
      if (line === "]}" || line === "") continue;
      const [name, schema] = PARTS[part]!;
      let json: unknown;
      try {
        json = JSON.parse(line.replace(/,$/, ""));
      } catch {
        throw bad(`line ${lineNo} is not complete JSON`);
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) throw bad(`line ${lineNo}: ${parsed.error.issues[0]?.path.join(".") || name}: ${parsed.error.issues[0]?.message}`);
      (out[name] as unknown[]).push(parsed.data);
    }
  } catch (e) {
    if (e instanceof MatrixError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new MatrixError("unreadable-input", code === "ENOENT" ? `${path} is missing.` : `Cannot read ${path}: ${(e as Error).message.split("\n")[0]}`);
  }
  if (older) {
    try {
      return ParseResult.parse(JSON.parse(older.join("\n")));
    } catch (e) {
      throw bad((e as Error).message.split("\n")[0]!);
    }
  }
  if (!closed) throw bad("it ends early");
  return out;
}
