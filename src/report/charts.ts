// Small, deterministic SVG charts: stacked horizontal bars with a legend. Pure string building, no DOM
// and no font measuring, so that Node and browsers give the same bytes. Text widths are estimated.
import { max as lodashMax } from "lodash-es";
import { escapeHtml } from "../internal/safe-cell.js";

/** One stacked series (a position, a status) with its colour. */
export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

/** One bar: a label and one value per series (negative or non-finite values count as 0). */
export interface ChartRow {
  label: string;
  values: readonly number[];
}

/** What to draw. */
export interface StackedBarSpec {
  /** Prefix of the element ids (unique per page). */
  id: string;
  title: string;
  series: readonly ChartSeries[];
  rows: readonly ChartRow[];
  /** Total width in px (default 760). */
  width?: number;
  /** Shown when there are no rows. */
  emptyText?: string;
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";
const PAD = 8;
const ROW = 22;
const BAR = 16;
const FONT_PX = 12;

/** Colour-blind-safe colours (Okabe-Ito based) for positions and statuses. */
export const COLORS = {
  position: {
    supported: "#0072B2",
    "partially-supported": "#56B4E9",
    noted: "#E69F00",
    pending: "#CC79A7",
    unknown: "#AAAAAA",
  },
  status: {
    "fully-implemented": "#009E73",
    "partially-implemented": "#86C9A5",
    "in-progress": "#56B4E9",
    "not-started": "#D55E00",
    "noted-no-action": "#E69F00",
    "not-applicable": "#999999",
    untracked: "#DDDDDD",
  },
} as const;

// Approximate advance widths (in em) of a wide sans-serif face (DejaVu Sans, Verdana): estimates err
// on the wide side so that labels never overflow their column.
function textWidth(s: string, px = FONT_PX): number {
  let em = 0;
  for (const ch of s) {
    if ("ijlI.,:;'|!()[]".includes(ch)) em += 0.34;
    else if ("mwMW@%".includes(ch)) em += 0.95;
    else if (/[A-Z]/.test(ch)) em += 0.74;
    else if (/[0-9]/.test(ch)) em += 0.64;
    else if (ch === " ") em += 0.32;
    else em += 0.62;
  }
  return em * px;
}

function truncate(s: string, max: number): string {
  if (textWidth(s) <= max) return s;
  let out = "";
  for (const ch of s) {
    if (textWidth(`${out}${ch}…`) > max) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/** Numbers as short, locale-free strings: integers as such, others to one decimal. */
const num = (x: number) => String(Math.round(x * 10) / 10);

function clean(v: number | undefined): number {
  return typeof v === "number" && Number.isFinite(v) && v > 0 ? v : 0;
}

/** Black or white text, whichever reads better on the colour. */
function ink(hex: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return "#000";
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => Number.parseInt(h, 16) / 255);
  const lum = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return lum > 0.45 ? "#000" : "#fff";
}

/**
 * A stacked horizontal bar chart as an SVG string: one bar per row, one segment per series, a legend,
 * the value in each segment wide enough to hold it, the total at the end of each bar, and a tooltip
 * (`<title>`) on every segment. Same input, same bytes.
 * @example
 * stackedBarChart({ id: "pos", title: "Position by cluster",
 *   series: [{ key: "supported", label: "Supported", color: "#0072B2" }, { key: "noted", label: "Noted", color: "#E69F00" }],
 *   rows: [{ label: "A12 Acceptance of international norms", values: [12, 3] }] });
 */
export function stackedBarChart(spec: StackedBarSpec): string {
  const W = Math.max(320, Math.round(spec.width ?? 760));
  const e = escapeHtml;
  const id = spec.id.replace(/[^A-Za-z0-9_-]/g, "-");
  const out: string[] = [];

  // Legend, wrapped over as many lines as it needs.
  const legend: string[] = [];
  let lx = PAD;
  let ly = 38;
  for (const s of spec.series) {
    const w = 14 + 5 + textWidth(s.label) + 16;
    if (lx + w > W - PAD && lx > PAD) {
      lx = PAD;
      ly += 18;
    }
    legend.push(
      `<g class="legend-item"><rect x="${num(lx)}" y="${ly - 10}" width="12" height="12" fill="${e(s.color)}"/>` +
        `<text x="${num(lx + 17)}" y="${ly}">${e(s.label)}</text></g>`,
    );
    lx += w;
  }
  const top = ly + 14;

  const totals = spec.rows.map((r) => spec.series.reduce((sum, _, i) => sum + clean(r.values[i]), 0));
  // max() over arrays, not Math.max(...spread): a spread of 100k+ values overflows the call stack.
  const max = Math.max(0, lodashMax(totals) ?? 0);
  const labelW = Math.min(Math.round(W * 0.42), Math.ceil(Math.max(40, lodashMax(spec.rows.map((r) => textWidth(r.label))) ?? 0)));
  const totalW = Math.ceil(textWidth(num(max))) + 8;
  const x0 = PAD + labelW + 8;
  const barW = Math.max(40, W - PAD - totalW - x0);
  const H = top + Math.max(1, spec.rows.length) * ROW + PAD;

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="${id}" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}-title">`,
    `<title id="${id}-title">${e(spec.title)}</title>`,
    `<style>#${id} text{font-family:${FONT};font-size:${FONT_PX}px;fill:#222}#${id} .chart-title{font-size:15px;font-weight:bold}#${id} .value{font-size:11px}</style>`,
    `<text class="chart-title" x="${PAD}" y="20">${e(spec.title)}</text>`,
    ...legend,
  );

  if (spec.rows.length === 0) {
    out.push(`<text x="${PAD}" y="${top + 15}">${e(spec.emptyText ?? "No data")}</text>`);
  }
  spec.rows.forEach((row, i) => {
    const y = top + i * ROW;
    const label = truncate(row.label, labelW);
    out.push(
      `<g class="bar">`,
      `<text x="${PAD + labelW}" y="${y + 13}" text-anchor="end">${label !== row.label ? `<title>${e(row.label)}</title>` : ""}${e(label)}</text>`,
    );
    let x = x0;
    spec.series.forEach((s, k) => {
      const v = clean(row.values[k]);
      if (v === 0 || max === 0) return;
      const w = (v / max) * barW;
      out.push(
        `<rect class="segment" data-series="${e(s.key)}" data-value="${num(v)}" x="${num(x)}" y="${y + 1}" width="${num(w)}" height="${BAR}" fill="${e(s.color)}"><title>${e(`${row.label} – ${s.label}: ${num(v)}`)}</title></rect>`,
      );
      const t = num(v);
      if (w >= textWidth(t, 11) + 6) {
        out.push(`<text class="value" x="${num(x + w / 2)}" y="${y + 13}" text-anchor="middle" style="fill:${ink(s.color)}">${t}</text>`);
      }
      x += w;
    });
    out.push(`<text class="total" x="${num(x + 4)}" y="${y + 13}">${num(totals[i]!)}</text>`, `</g>`);
  });
  out.push(`</svg>`);
  return out.join("\n");
}
