import Papa from "papaparse";
import type { ParseResult } from "../schema/result.js";
import { decodeText } from "./decode.js";
import { TableReader } from "./interpret.js";
import { type ParseOptions, resolveParseOptions } from "./options.js";
import { failed } from "./result.js";

/**
 * Parse a CSV (or tab-separated) export: UHRI, UPR Info or a home-made sheet. Bytes are decoded with
 * encoding detection (UTF-8 ± BOM, UTF-16, Windows-1252, MacRoman); the delimiter and line endings
 * (CRLF, LF, bare CR) are detected.
 * @example
 * const { recommendations, diagnostics } = parseCsv(bytes, { file: "uprinfo.csv" });
 */
export function parseCsv(input: Uint8Array | string, options: ParseOptions = {}): ParseResult {
  const opts = resolveParseOptions(options);
  const file = opts.file;
  if (typeof input !== "string" && input.length > opts.limits.maxBytes) {
    return failed({ code: "limit-exceeded", severity: "error", message: `File is ${input.length} bytes, over the ${opts.limits.maxBytes}-byte limit (limits.maxBytes).`, place: { file } });
  }
  const decoded = typeof input === "string" ? null : decodeText(input);
  const text = typeof input === "string" ? input.replace(/^\ufeff/, "") : decoded!.text;
  if (text.trim() === "") {
    return failed({ code: "empty-file", severity: "error", message: "The file is empty.", place: { file } });
  }
  const reader = new TableReader({ file, format: "csv" }, opts);
  const diagnostics: ParseResult["diagnostics"] = [];
  if (decoded?.guessed) {
    diagnostics.push({ code: "encoding-guessed", severity: "info", message: `No byte-order mark and not UTF-8: read as ${decoded.encoding}.`, place: { file }, actual: decoded.encoding });
  }
  // Lines are counted from record offsets with indexOf, which is cheap next to the parse itself.
  let row = 0;
  let line = 1;
  let offset = 0;
  const countLines = (to: number) => {
    for (let i = offset; i < to; ) {
      const n = text.indexOf("\n", i);
      const r = text.indexOf("\r", i);
      const next = n < 0 ? r : r < 0 ? n : Math.min(n, r);
      if (next < 0 || next >= to) break;
      line++;
      i = next + (text[next] === "\r" && text[next + 1] === "\n" ? 2 : 1);
    }
    offset = to;
  };
  Papa.parse<string[]>(text, {
    delimiter: "",
    delimitersToGuess: [",", ";", "\t", "|"],
    skipEmptyLines: false,
    step: (result) => {
      // The newline that ends the last line is not a row of its own.
      if (result.data.length === 1 && result.data[0] === "" && result.meta.cursor >= text.length) return;
      row++;
      const startLine = line;
      const at = row;
      for (const e of result.errors) {
        if (e.code === "UndetectableDelimiter") continue; // one column: fine
        diagnostics.push({
          code: e.type === "Quotes" ? "csv-quotes" : "csv-parse",
          severity: "error",
          message: `${e.message} (record ${at}).`,
          place: { file, row: at, line: startLine },
        });
      }
      reader.push({ row: at, line: startLine, cells: result.data });
      countLines(result.meta.cursor);
    },
  });
  const out = reader.finish();
  // A trailing newline gives papaparse a last empty record: it is counted as a blank row like any other.
  return { ...out, diagnostics: [...diagnostics, ...out.diagnostics] };
}
