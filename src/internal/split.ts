// Split list cells whose items may themselves contain the separator ("Children: definition; general
// principles; protection"): adjacent pieces are re-joined when the joined text is a known label.

/** Split `value` on `separator`, re-joining up to 4 adjacent pieces when `known(joined)` says so. */
export function splitKnown(value: string, separator: RegExp, known: (s: string) => boolean, joiner = "; "): string[] {
  const pieces = value.split(separator).map((p) => p.trim()).filter(Boolean);
  if (pieces.length < 2) return pieces;
  const out: string[] = [];
  for (let i = 0; i < pieces.length; ) {
    let taken = 1;
    for (let j = Math.min(pieces.length, i + 4); j > i + 1; j--) {
      if (known(pieces.slice(i, j).join(joiner))) {
        taken = j - i;
        break;
      }
    }
    out.push(pieces.slice(i, i + taken).join(joiner));
    i += taken;
  }
  return out;
}
