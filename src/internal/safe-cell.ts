// Exports a person opens in Excel, Word or a browser must not attack them.

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
  return escapeHtml(text).replace(/([\\`*_[\]])/g, "\\$1").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}
