/** The text of a file and how it was decoded. */
export interface Decoded {
  text: string;
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | "macintosh";
  /** True when the encoding was inferred from the content (no BOM, not valid UTF-8). */
  guessed: boolean;
  bom: boolean;
}

// Accented letters common in English, French and Spanish UN texts (names, quotes).
const PLAUSIBLE = /[a-zA-Z][àâäáãåçéèêëíìîïñóòôöõúùûüÿœæßÀÂÄÁÇÉÈÊËÍÎÏÑÓÔÖÚÙÛÜ]|[àâäáãåçéèêëíìîïñóòôöõúùûüÿœæÀÂÄÁÇÉÈÊËÍÎÏÑÓÔÖÚÙÛÜ][a-z]|[‘’“”–—…«»€]/g;

function score(text: string): number {
  return text.match(PLAUSIBLE)?.length ?? 0;
}

function utf16Guess(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return "utf-16le";
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return "utf-16be";
  return null;
}

/**
 * Decode a text file: UTF-8 (with or without BOM), UTF-16 (with or without BOM), else Windows-1252 or
 * MacRoman, whichever reads as more plausible text (old UPR Info exports are MacRoman).
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).text; // "A"
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8", guessed: false, bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le", guessed: false, bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be", guessed: false, bom: true };
  }
  const wide = utf16Guess(bytes);
  if (wide) return { text: new TextDecoder(wide).decode(bytes), encoding: wide, guessed: true, bom: false };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8", guessed: false, bom: false };
  } catch {
    // Not UTF-8: a single-byte code page. Compare the two in use for the plausibility of accented letters.
  }
  const win = new TextDecoder("windows-1252").decode(bytes);
  const mac = new TextDecoder("macintosh").decode(bytes);
  const crOnly = /\r(?!\n)/.test(win.slice(0, 65536)) && !/\n/.test(win.slice(0, 65536));
  const macBetter = score(mac) > score(win) || (score(mac) === score(win) && crOnly);
  return macBetter
    ? { text: mac, encoding: "macintosh", guessed: true, bom: false }
    : { text: win, encoding: "windows-1252", guessed: true, bom: false };
}
