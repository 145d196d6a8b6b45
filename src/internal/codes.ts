// Ordering of numbered theme codes ("2.1", "12.4"), shared by the taxonomy build and the reports.
// Never exported from the package.

/**
 * Compare dotted numbers segment by segment, numerically; a missing segment sorts first.
 * @example
 * ["12.4", "2.1", "2"].sort(compareNumbered); // ["2", "2.1", "12.4"]
 */
export function compareNumbered(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
