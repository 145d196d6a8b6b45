import { readZipDirectory } from "./zip.js";

/** What the bytes of a file really are, whatever its name says. */
export type Sniffed =
  | "docx" | "xlsx" | "csv"
  | "doc" | "xls" | "encrypted-ooxml" | "ole" | "pdf" | "rtf" | "odf" | "zip" | "binary" | "empty";

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  // OLE directory entries store stream names in UTF-16LE.
  const pattern = Array.from(name).flatMap((c) => [c.charCodeAt(0), 0]);
  const first = pattern[0]!;
  outer: for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - pattern.length; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

/** Entry names of a zip, read from its directory without inflating anything; null when it is not readable. */
export function zipEntries(bytes: Uint8Array): string[] | null {
  try {
    // The count is bounded by the directory's own size: each entry is checked to lie inside the file.
    return readZipDirectory(bytes, Number.MAX_SAFE_INTEGER).map((e) => e.name);
  } catch {
    return null;
  }
}

/**
 * Names from the local headers at the start of a zip whose directory is lost (a truncated download):
 * enough to tell a damaged .docx or .xlsx from another zip, so that its reader explains what is wrong.
 */
function localEntryNames(bytes: Uint8Array, max = 64): string[] {
  const names: string[] = [];
  const decoder = new TextDecoder("utf-8");
  let p = 0;
  while (names.length < max && p + 30 <= bytes.length && bytes[p] === 0x50 && bytes[p + 1] === 0x4b && bytes[p + 2] === 0x03 && bytes[p + 3] === 0x04) {
    const flags = bytes[p + 6]! | (bytes[p + 7]! << 8);
    const size = (bytes[p + 18]! | (bytes[p + 19]! << 8) | (bytes[p + 20]! << 16) | (bytes[p + 21]! << 24)) >>> 0;
    const nameLen = bytes[p + 26]! | (bytes[p + 27]! << 8);
    const extraLen = bytes[p + 28]! | (bytes[p + 29]! << 8);
    if (p + 30 + nameLen > bytes.length) break;
    names.push(decoder.decode(bytes.subarray(p + 30, p + 30 + nameLen)));
    // With a data descriptor (flag bit 3) the size is not known here: stop at the first such entry.
    if (flags & 8) break;
    p += 30 + nameLen + extraLen + size;
  }
  return names;
}

function officeKind(names: readonly string[]): "docx" | "xlsx" | "odf" | null {
  if (names.includes("word/document.xml") || names.some((n) => /^word\/document\d*\.xml$/.test(n))) return "docx";
  if (names.includes("xl/workbook.xml") || names.some((n) => /^xl\/workbook\d*\.xml$/.test(n))) return "xlsx";
  if (names.includes("mimetype") || names.includes("content.xml")) return "odf";
  return null;
}

/**
 * Tell a file's real format from its bytes (magic numbers, zip entries, OLE stream names).
 * @example
 * sniffFormat(bytes); // "docx" for a Word file, "doc" for a legacy Word file renamed .docx
 */
export function sniffFormat(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const names = zipEntries(bytes);
    if (names) return officeKind(names) ?? "zip";
    // A damaged directory: the local headers may still say what the file was; its reader then explains.
    const local = localEntryNames(bytes);
    const kind = officeKind(local);
    if (kind === "docx" || kind === "xlsx") return kind;
    if (local.some((n) => n.startsWith("word/"))) return "docx";
    if (local.some((n) => n.startsWith("xl/"))) return "xlsx";
    return "zip";
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (hasUtf16Name(bytes, "EncryptedPackage")) return "encrypted-ooxml";
    if (hasUtf16Name(bytes, "WordDocument")) return "doc";
    if (hasUtf16Name(bytes, "Workbook") || hasUtf16Name(bytes, "Book")) return "xls";
    return "ole";
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return "pdf";
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return "rtf";
  // Text or binary: text files have no NUL bytes outside UTF-16 and few control characters.
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  let nul = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) nul++;
    else if (b < 9 || (b > 13 && b < 32)) control++;
  }
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || nul > n * 0.3;
  if (!utf16 && (nul > 0 || control > n * 0.02)) return "binary";
  return "csv";
}

/** A one-line explanation for formats upr-matrix cannot read, saying what to do. */
export function unsupportedMessage(kind: Sniffed): string | null {
  switch (kind) {
    case "doc":
      return "This is a legacy Word .doc file (binary), not .docx. Open it in Word or LibreOffice and save it as .docx (or run: libreoffice --headless --convert-to docx FILE), then read the .docx.";
    case "xls":
      return "This is a legacy Excel .xls file (binary), not .xlsx. Open it in Excel or LibreOffice and save it as .xlsx (or run: libreoffice --headless --convert-to xlsx FILE), then read the .xlsx.";
    case "encrypted-ooxml":
      return "This workbook or document is password-protected (encrypted). Open it, remove the password (File > Info > Protect), save it, and read it again.";
    case "ole":
      return "This is a legacy Microsoft Office binary file. Save it as .docx or .xlsx and read that instead.";
    case "pdf":
      return "This is a PDF. upr-matrix reads tables from .docx, .xlsx and .csv: get the Word version of the matrix from OHCHR, or convert the PDF to .docx (e.g. in Word) and check the table.";
    case "rtf":
      return "This is an RTF document. Save it as .docx and read that instead.";
    case "odf":
      return "This is an OpenDocument file (.odt/.ods). Save it as .docx or .xlsx and read that instead.";
    case "zip":
      return "This is a zip archive that is neither a .docx nor an .xlsx (or its directory is damaged). Unzip it, or re-save the document, and read the files inside.";
    case "binary":
      return "This file holds binary data, not text: it is not a CSV file. Check that it is the right file, or export the table again as CSV, XLSX or DOCX.";
    case "empty":
      return "The file is empty.";
    default:
      return null;
  }
}
