/**
 * Entries and characters of keys a memo keeps before it starts again, and the longest key it keeps:
 * memos live as long as the module (a worker reads many files), so a file of long unique cells must
 * not leave hundreds of megabytes behind. Long cells rarely repeat; they are computed each time.
 */
const MEMO_SIZE = 4096;
const MEMO_CHARS = 1_000_000;
const MEMO_MAX_KEY = 2000;

/**
 * Remembers a pure function of a cell's text: States, issues, positions and themes cells repeat a lot
 * (UPR Info exports hold some 200 States and 55 issues over tens of thousands of rows). Values are
 * shared between rows, so callers copy whatever ends up inside a Recommendation.
 * @example
 * const states = new Memo((cell) => findState(cell)?.name ?? cell);
 * states.get("France"); // computed once, then looked up
 */
export class Memo<V> {
  private readonly map = new Map<string, V>();
  private chars = 0;
  // Consecutive rows often repeat a value (the State under review, the session): no hashing then.
  private lastKey: string | undefined;
  private lastValue: V | undefined;
  constructor(private readonly compute: (key: string) => V) {}

  get(key: string): V {
    if (key === this.lastKey) return this.lastValue!;
    // A cell is a slice of its file's text and would keep the whole text alive: work on a copy.
    if (key.length > MEMO_MAX_KEY) return this.compute(` ${key}`.slice(1));
    let v = this.map.get(key);
    if (v === undefined) {
      const own = ` ${key}`.slice(1);
      v = this.compute(own);
      if (this.map.size >= MEMO_SIZE || this.chars > MEMO_CHARS) {
        this.map.clear();
        this.chars = 0;
      }
      this.map.set(own, v);
      this.chars += own.length;
      key = own;
    }
    this.lastKey = key;
    this.lastValue = v;
    return v;
  }
}
