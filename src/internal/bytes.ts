// Joining byte arrays without Node's Buffer (the core also runs in a browser). Never exported from the package.

/**
 * The bytes of several arrays, one after the other (no copy when at most one of them holds bytes: a
 * decoder joining what it held back to each chunk copies only when it held something).
 * @example
 * concatBytes([new Uint8Array([1]), new Uint8Array([2, 3])]); // Uint8Array [1, 2, 3]
 */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const full = parts.filter((p) => p.length > 0);
  if (full.length <= 1) return full[0] ?? parts[0] ?? new Uint8Array(0);
  const out = new Uint8Array(full.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of full) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
