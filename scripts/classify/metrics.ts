// Figures for multi-label and single-label predictions, used to tune thresholds in training and to
// print `npm run eval`. Pure.

/** Counts of a multi-label comparison, overall and per label. */
export class MultiLabelScore {
  tp = 0;
  fp = 0;
  fn = 0;
  readonly perLabel = new Map<string, { tp: number; fp: number; fn: number }>();
  /** Wrong label predicted alongside a missed gold label in the same item: "gold → predicted". */
  readonly pairs = new Map<string, number>();
  items = 0;

  /**
   * Add one item's gold and predicted label sets.
   * @example
   * score.add(["D23"], ["D23", "D25"]);
   */
  add(gold: Iterable<string>, predicted: Iterable<string>): void {
    const g = new Set(gold);
    const p = new Set(predicted);
    this.items++;
    const missed: string[] = [];
    const wrong: string[] = [];
    for (const l of p) {
      const c = this.counts(l);
      if (g.has(l)) {
        this.tp++;
        c.tp++;
      } else {
        this.fp++;
        c.fp++;
        wrong.push(l);
      }
    }
    for (const l of g) {
      if (p.has(l)) continue;
      this.fn++;
      this.counts(l).fn++;
      missed.push(l);
    }
    for (const m of missed) for (const w of wrong) this.pairs.set(`${m} → ${w}`, (this.pairs.get(`${m} → ${w}`) ?? 0) + 1);
  }

  private counts(l: string): { tp: number; fp: number; fn: number } {
    let c = this.perLabel.get(l);
    if (!c) {
      c = { tp: 0, fp: 0, fn: 0 };
      this.perLabel.set(l, c);
    }
    return c;
  }

  get precision(): number {
    return this.tp + this.fp === 0 ? 0 : this.tp / (this.tp + this.fp);
  }
  get recall(): number {
    return this.tp + this.fn === 0 ? 0 : this.tp / (this.tp + this.fn);
  }
  /** Micro-averaged F1: every label decision counts the same. */
  get microF1(): number {
    const d = 2 * this.tp + this.fp + this.fn;
    return d === 0 ? 0 : (2 * this.tp) / d;
  }
  /** Macro-averaged F1 over the labels that occur in the gold data. */
  get macroF1(): number {
    let sum = 0;
    let n = 0;
    for (const c of this.perLabel.values()) {
      if (c.tp + c.fn === 0) continue;
      sum += (2 * c.tp) / (2 * c.tp + c.fp + c.fn);
      n++;
    }
    return n === 0 ? 0 : sum / n;
  }
  /** The label pairs that cost most, most frequent first. */
  topPairs(k: number): [string, number][] {
    return [...this.pairs].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k);
  }
}

/** Counts of a single-label comparison (accuracy, confusion). */
export class SingleLabelScore {
  correct = 0;
  total = 0;
  readonly confusion = new Map<string, number>();
  private readonly correctBy = new Map<string, number>();

  /**
   * Add one item.
   * @example
   * score.add("5", "4");
   */
  add(gold: string, predicted: string): void {
    this.total++;
    if (gold === predicted) {
      this.correct++;
      this.correctBy.set(gold, (this.correctBy.get(gold) ?? 0) + 1);
    } else this.confusion.set(`${gold} → ${predicted}`, (this.confusion.get(`${gold} → ${predicted}`) ?? 0) + 1);
  }
  get accuracy(): number {
    return this.total === 0 ? 0 : this.correct / this.total;
  }
  /** Macro-F1 over the gold classes. */
  macroF1(classes: readonly string[]): number {
    let sum = 0;
    let n = 0;
    for (const c of classes) {
      let fp = 0;
      let fn = 0;
      for (const [pair, count] of this.confusion) {
        const [g, p] = pair.split(" → ");
        if (p === c) fp += count;
        if (g === c) fn += count;
      }
      const tp = this.correctOf(c);
      if (tp + fn === 0) continue;
      sum += (2 * tp) / (2 * tp + fp + fn);
      n++;
    }
    return n === 0 ? 0 : sum / n;
  }
  private correctOf(c: string): number {
    return this.correctBy.get(c) ?? 0;
  }
  /** The confusions that cost most, most frequent first. */
  topConfusions(k: number): [string, number][] {
    return [...this.confusion].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k);
  }
}
