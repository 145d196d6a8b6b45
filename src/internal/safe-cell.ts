// Exports a person opens in Excel, Word or a browser must not attack them, nor break them.

// XML 1.0 cannot hold C0 controls other than tab, LF and CR, nor U+FFFE/U+FFFF, nor a lone surrogate:
// one of them anywhere makes an .xlsx or .docx part not well formed, and the whole file unreadable.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text every Office writer can store: characters XML 1.0 cannot hold are removed (C0 controls but tab,
 * LF and CR; U+FFFE, U+FFFF; lone surrogates). Used by every XLSX and DOCX writer.
 * @example
 * safeText("OP-CAT \ufffe now\u0001"); // "OP-CAT  now"
 */
export function safeText(text: string): string {
  return text.replace(NOT_XML, "");
}

/**
 * A spreadsheet or Word table cell: safe for XML, and neutralised against formula injection.
 * @example
 * cellText("=SUM(A1)\uffff"); // "'=SUM(A1)"
 */
export function cellText(text: string): string {
  return neutralizeFormula(safeText(text));
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralise spreadsheet formula injection: a text starting with = + - @ tab or CR gets a leading
 * apostrophe-free single quote so that Excel, LibreOffice and Sheets show it as text.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Escape text for Markdown table cells and inline text (pipes, HTML, line breaks). */
export function escapeMarkdown(text: string): string {
  // Markdown specials (backslash first), then pipes, so the backslash before a pipe is not escaped again.
  // Any line break (CRLF, bare CR, LF, Unicode line and paragraph separators) would split a table row.
  return escapeHtml(text).replace(/([\\`*_[\]])/g, "\\$1").replace(/\|/g, "\\|").replace(/\r\n?|\n|\u2028|\u2029/g, "<br>");
}
