// One reused flag buffer for the per-label loops of classification (predictLabels, themeCandidates):
// no typed array allocated per text. Safe because classification is synchronous and these loops do
// not nest; each caller clears the flags it set before it returns.

let flags = new Uint8Array(256);

/**
 * A buffer of at least `n` zeros, shared: clear what you set (`fill(0, 0, n)`) before returning.
 * @example
 * const hit = labelFlags(labels.length); hit[3] = 1; ...; hit.fill(0, 0, labels.length);
 */
export function labelFlags(n: number): Uint8Array {
  if (flags.length < n) flags = new Uint8Array(n * 2);
  return flags;
}
