// A progress bar for long batches, on stderr, redrawn in place: only on a terminal, never with --quiet.
import type { BatchProgress } from "../node/process-files.js";
import type { RunContext } from "./io.js";

const WIDTH = 24;

function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * One line (at most `width` characters): bar, files, recommendations, errors and warnings so far, elapsed time and time left.
 * @example
 * formatProgress({ files: 10, filesDone: 5, bytes: 100, bytesDone: 50, recommendations: 1200, errors: 1, warnings: 0, elapsedMs: 4000 });
 * // "[############------------] 5/10 files · 1,200 recommendations · 1 error · 0:04, ~0:04 left"
 */
export function formatProgress(p: BatchProgress, width = 100): string {
  // Bytes measure the work better than files when sizes vary; files when sizes are unknown.
  const share = p.bytes > 0 ? p.bytesDone / p.bytes : p.files > 0 ? p.filesDone / p.files : 0;
  const filled = Math.min(WIDTH, Math.round(share * WIDTH));
  const bar = `[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}]`;
  const parts = [`${p.filesDone}/${p.files} files`, `${p.recommendations.toLocaleString("en-US")} recommendations`];
  if (p.errors) parts.push(`${p.errors} error${p.errors === 1 ? "" : "s"}`);
  if (p.warnings) parts.push(`${p.warnings} warning${p.warnings === 1 ? "" : "s"}`);
  const left = share > 0.02 && share < 1 ? `, ~${clock((p.elapsedMs / share) * (1 - share))} left` : "";
  const line = `${bar} ${parts.join(" · ")} · ${clock(p.elapsedMs)}${left}`;
  return line.length < width ? line : line.slice(0, Math.max(0, width - 1)); // one terminal line, or "\r" cannot redraw it
}

/** The bar of one batch. Does nothing when stderr is not a terminal or with --quiet. */
export class ProgressBar {
  private readonly enabled: boolean;
  private last: BatchProgress | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly started = performance.now();

  constructor(private readonly ctx: RunContext) {
    this.enabled = ctx.io.isTTY && !ctx.flags.quiet && ctx.flags.progress !== false && !ctx.io.env.CI;
    if (this.enabled) {
      // Redraw a few times a second so the clock moves even while one large file is read.
      this.timer = setInterval(() => this.draw(), 250);
      this.timer.unref();
    }
  }

  /** Take new figures (from processFiles' onProgress). */
  update(p: BatchProgress): void {
    this.last = p;
  }

  private draw(): void {
    if (!this.last) return;
    const p = { ...this.last, elapsedMs: performance.now() - this.started };
    const line = formatProgress(p, this.ctx.io.stderr.columns || 100);
    this.ctx.setStatusLine(this.ctx.color ? `\u001b[36m${line}\u001b[0m` : line);
  }

  /** Remove the bar (at the end, before the summary). */
  done(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.enabled) this.ctx.setStatusLine(null);
  }
}
