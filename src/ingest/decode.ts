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

// Windows-1252's 0x80-0x9F (euro sign, curly quotes, dashes...). Node 20's TextDecoder("windows-1252")
// decodes these bytes as latin1 C1 controls, so they are mapped here; the five bytes the code page leaves
// undefined stay C1 controls, as the WHATWG decoder (and a browser) gives them.
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/**
 * Repair text that `new TextDecoder("windows-1252")` decoded: on Node 20 it gives latin1 C1 controls for
 * 0x80-0x9F ("\u0093" for a curly quote). Safe on text from a correct decoder (nothing left to map), and on
 * any chunk of a stream, since every byte is one character.
 * @example
 * repairWindows1252(new TextDecoder("windows-1252").decode(new Uint8Array([0x93, 0x41, 0x94]))); // "“A”"
 */
export function repairWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function decodeWindows1252(bytes: Uint8Array): string {
  return repairWindows1252(new TextDecoder("windows-1252").decode(bytes));
}

/** Bytes of a single-byte file compared in both code pages before the whole file is decoded. */
const SAMPLE_BYTES = 1024 * 1024;

/**
 * How plausible a decoded text is: the accented letters next to plain ones, and the typographic marks,
 * it holds. Of two single-byte readings of the same bytes, the right one scores higher.
 * @example
 * score("Côte d'Ivoire") > score("C√¥te d'Ivoire"); // true
 */
export function score(text: string): number {
  return text.match(PLAUSIBLE)?.length ?? 0;
}

/**
 * UTF-16 without a byte-order mark, told by the zero bytes of ASCII text in the first 4 KiB.
 * @example
 * utf16Guess(new Uint8Array([0x41, 0, 0x42, 0])); // "utf-16le"
 */
export function utf16Guess(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
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
  // The two code pages are compared on a sample, and only the winner decodes the whole file: a large
  // file is not held three times over.
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const win = decodeWindows1252(sample);
  const mac = new TextDecoder("macintosh").decode(sample);
  const crOnly = /\r(?!\n)/.test(win.slice(0, 65536)) && !/\n/.test(win.slice(0, 65536));
  const macBetter = score(mac) > score(win) || (score(mac) === score(win) && crOnly);
  const encoding = macBetter ? "macintosh" : "windows-1252";
  const text = bytes.length <= SAMPLE_BYTES ? (macBetter ? mac : win) : macBetter ? new TextDecoder("macintosh").decode(bytes) : decodeWindows1252(bytes);
  return { text, encoding, guessed: true, bom: false };
}
