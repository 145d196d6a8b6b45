// Text from files (names, cells, ledger entries) shown on a terminal: control characters escaped, so that
// a hostile name or cell can neither break the one-line-per-problem contract nor drive the terminal
// (clear the screen, set the title, write the clipboard with OSC 52).
import { quote } from "../internal/quote.js";

// C0 controls but tab, DEL, C1 controls (U+009B is a CSI on some terminals), and the Unicode line breaks.
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROLS = new RegExp(CONTROL.source, "g");
const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r" };

const escape = (c: string) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * Text for one terminal line: control characters shown as escapes (`\n`, `\r`, `\u001b`).
 * @example
 * escapeControls("Bill tabled\r\nin parliament \u001b[2J"); // "Bill tabled\\r\\nin parliament \\u001b[2J"
 */
export function escapeControls(text: string): string {
  return CONTROL.test(text) ? text.replace(CONTROLS, escape) : text;
}

/**
 * A file name for a message: as it is when plain, quoted with its escapes shown when it holds control
 * characters (so that the reader sees where it ends).
 * @example
 * displayName("exports/kenya.xlsx"); // "exports/kenya.xlsx"
 * displayName("bad\nname.csv"); // "\"bad\\nname.csv\""
 */
export function displayName(name: string): string {
  return CONTROL.test(name) ? quote(name) : name;
}

/**
 * A JSON line safe on a terminal: JSON.stringify escapes C0 controls but not C1 controls or U+2028/2029.
 * @example
 * jsonLine({ message: "a\u009bb" }); // "{\"message\":\"a\\u009bb\"}"
 */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029]/g, escape);
}
