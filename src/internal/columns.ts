// Spreadsheet column letters, for places in diagnostics and for writing workbooks. Never exported
// from the package.

/**
 * The letters of a 1-based column number, as spreadsheets show them.
 * @example
 * columnLetter(1); // "A"
 * columnLetter(28); // "AB"
 */
export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
