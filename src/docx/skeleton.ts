// The national-report (or mid-term report) skeleton as a Word document, with the `docx` package:
// title page (UN masthead for a national report, the Government for a mid-term report), writer's guide,
// word budget naming what each section follows, numbered sections with cluster subsections, highlighted
// placeholders, shaded working notes from the ledger, and the annex matrix in the OHCHR layout of the
// list's cycle. Tables (annex, mid-term status tables, SDG table) are written as WordprocessingML strings:
// see RawTables. Every text from data goes through safeText (XML 1.0 cannot hold some characters).
import * as z from "zod";
import { cellText, safeText } from "../internal/safe-cell.js";
import { resolveOptions, MatrixError } from "../errors/matrix-error.js";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ISectionOptions,
} from "docx";
import type { Recommendation } from "../schema/recommendation.js";
import { messagesFor } from "../i18n/index.js";
import { matrixColumns, matrixLayoutFor } from "../report/matrix-cells.js";
import { themeTitle } from "../report/themes.js";
import { buildSkeletonOutlineResolved, SkeletonOptions, type SkeletonBlock, type SkeletonOutline } from "../report/skeleton.js";
import { documentDate, stabilizeZip, WriterOptions } from "../report/stable-zip.js";
import { wordTableXml, type WordRow, type WordTable } from "../report/wordml-table.js";
import { formatCount } from "../report/numbers.js";

/** Options of the Word skeleton writer: the outline's, and the date written into the document properties
 * (default: the ledger's latest update, else 2000-01-01). */
export const SkeletonDocxOptions = SkeletonOptions.extend(WriterOptions.shape);
export type SkeletonDocxOptions = z.input<typeof SkeletonDocxOptions>;

/**
 * A skeleton covers one review (a few hundred recommendations; the largest reviews hold about 430). Beyond
 * this many the Word file is no longer a document anyone drafts in, and writing it needs gigabytes (the
 * `docx` package keeps every run as objects: 50,000 recommendations took 0.75 GB): `limit-exceeded`.
 */
export const MAX_SKELETON_RECOMMENDATIONS = 20_000;

const LOCALE = { en: "en-GB", fr: "fr-FR", es: "es-ES" } as const;
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134; // 2 cm
const PORTRAIT_TEXT = A4.width - 2 * MARGIN;
const LANDSCAPE_TEXT = A4.height - 2 * MARGIN;
const NOTE_FILL = "F2F2F2";
const HEAD_FILL = "D9E1F2";
const CLUSTER_FILL = "EDF2F9";
const THIN = { style: BorderStyle.SINGLE, size: 4, color: "999999" };
// Borders on the table, not on each cell: with 10,000 rows, per-cell properties double the writing time.
const TABLE_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

const run = (text: string, opts: Omit<IRunOptions, "text"> = {}) => new TextRun({ ...opts, text: safeText(text) });
const placeholderRun = (text: string) => run(`[${text}]`, { highlight: "yellow" });

/** A cell's text as one paragraph, its lines separated by line breaks (read back as lines). */
function lines(text: string, opts: { bold?: boolean; size?: number } = {}): Paragraph[] {
  // Table text pasted from Word into a spreadsheet must not run as formulas.
  const parts = text === "" ? [""] : cellText(text).split("\n");
  return [new Paragraph({ children: parts.map((t, i) => run(t, { ...(i > 0 ? { break: 1 } : {}), ...opts })) })];
}

function cell(children: Paragraph[], extra: { fill?: string; columnSpan?: number } = {}): TableCell {
  return new TableCell({
    children,
    ...(extra.columnSpan ? { columnSpan: extra.columnSpan } : {}),
    ...(extra.fill ? { shading: { type: ShadingType.CLEAR, fill: extra.fill, color: "auto" } } : {}),
  });
}

function table(header: string[], rows: { cells: string[]; placeholder?: boolean[] }[], widths: number[]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: TABLE_BORDERS,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(lines(h, { bold: true }), { fill: HEAD_FILL })) }),
      ...rows.map(
        (r) =>
          new TableRow({
            children: r.cells.map((c, i) => cell(r.placeholder?.[i] ? [new Paragraph({ children: [placeholderRun(c)] })] : lines(c))),
          }),
      ),
    ],
  });
}

/**
 * Large tables are written as WordprocessingML strings (src/report/wordml-table.ts) in place of a
 * marker paragraph: `docx` takes about 0.5 ms per table row, too slow for 10,000 recommendations.
 */
class RawTables {
  readonly tables: WordTable[] = [];
  marker(table: WordTable): Paragraph {
    this.tables.push(table);
    return new Paragraph({ children: [new TextRun(RawTables.mark(this.tables.length - 1))] });
  }
  static mark(i: number): string {
    return `UPRMATRIX-RAW-TABLE-${i}-END`;
  }
  /** Replace each marker paragraph of document.xml by its table, in one pass. */
  insert(xml: string): string {
    const parts: string[] = [];
    const re = /UPRMATRIX-RAW-TABLE-(\d+)-END/g;
    let pos = 0;
    let done = 0;
    for (let m = re.exec(xml); m; m = re.exec(xml)) {
      const start = Math.max(xml.lastIndexOf("<w:p>", m.index), xml.lastIndexOf("<w:p ", m.index));
      const end = xml.indexOf("</w:p>", m.index);
      const table = this.tables[Number(m[1])];
      if (!table || start < pos || end < 0) throw new Error(`unexpected marker paragraph for table ${m[1]}`);
      parts.push(xml.slice(pos, start), wordTableXml(table));
      pos = end + "</w:p>".length;
      re.lastIndex = pos;
      done++;
    }
    if (done !== this.tables.length) throw new Error(`docx wrote ${done} of ${this.tables.length} table markers`);
    parts.push(xml.slice(pos));
    return parts.join("");
  }
}

function blockToDocx(b: SkeletonBlock, outline: SkeletonOutline, raw: RawTables): (Paragraph | Table)[] {
  const SL = messagesFor(outline.lang).skeleton;
  switch (b.kind) {
    case "text":
      return [new Paragraph({ children: [run(b.text)] })];
    case "basis":
      return [new Paragraph({ children: [run(b.text, { italics: true, color: "666666", size: 16 })] })];
    case "placeholder":
      return [new Paragraph({ spacing: { after: 120 }, children: [placeholderRun(b.text)] })];
    case "budget":
      return [new Paragraph({ children: [run(SL.aboutWords(formatCount(b.words, outline.lang)), { italics: true, color: "666666", size: 18 })] })];
    case "references":
      return [new Paragraph({ spacing: { after: 80 }, children: [run(b.text, { bold: true })] })];
    case "notes": {
      // One shaded paragraph per block (items on their own lines): one click to select and delete.
      const shading = { type: ShadingType.CLEAR, fill: NOTE_FILL, color: "auto" };
      return [
        new Paragraph({
          shading,
          children: [run(b.title, { italics: true, bold: true, size: 18 }), ...b.items.map((item) => run(`• ${item}`, { size: 18, break: 1 }))],
        }),
        new Paragraph({ children: [] }),
      ];
    }
    case "table": {
      const sum = b.widths.reduce((x, y) => x + y, 0);
      const rows: WordRow[] = [
        { header: true, cells: b.header.map((h) => ({ text: h, bold: true, fill: HEAD_FILL })) },
        // A row is read whole: it never splits across pages (its header repeats instead).
        ...b.rows.map((r) => ({ keep: true, cells: r.cells.map((text, i) => ({ text, placeholder: r.placeholder[i] ?? false })) })),
      ];
      return [raw.marker({ widths: b.widths.map((f) => Math.floor((f / sum) * PORTRAIT_TEXT)), rows }), new Paragraph({ children: [] })];
    }
  }
}

function titlePage(outline: SkeletonOutline): (Paragraph | Table)[] {
  const SL = messagesFor(outline.lang).skeleton;
  const out: (Paragraph | Table)[] = outline.masthead.map(
    (m, i) => new Paragraph({ children: [m.placeholder ? placeholderRun(m.text) : run(m.text, { bold: i === 0, size: i === 0 ? 24 : 20 })] }),
  );
  out.push(new Paragraph({ children: [] }));
  const half = Math.floor(PORTRAIT_TEXT / 2);
  out.push(
    new Table({
      width: { size: 2 * half, type: WidthType.DXA },
      columnWidths: [half, half],
      borders: TABLE_BORDERS,
      rows: outline.fields.map(
        (f) =>
          new TableRow({
            children: [cell(lines(f.label, { bold: true })), cell([new Paragraph({ children: [f.value === null ? placeholderRun(SL.toComplete) : run(f.value)] })])],
          }),
      ),
    }),
  );
  out.push(
    new Paragraph({ children: [] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(outline.title)] }),
    new Paragraph({
      spacing: { after: 240 },
      children: [outline.subject ? run(outline.subject, { bold: true, size: 32 }) : placeholderRun(SL.fields.state)],
    }),
  );
  // The writer's guide, in a shaded box.
  out.push(
    new Table({
      width: { size: PORTRAIT_TEXT, type: WidthType.DXA },
      columnWidths: [PORTRAIT_TEXT],
      borders: TABLE_BORDERS,
      rows: [
        new TableRow({
          children: [
            cell(
              [
                new Paragraph({ children: [run(outline.guide.title, { bold: true })] }),
                ...outline.guide.lines.map((l) => new Paragraph({ bullet: { level: 0 }, children: [run(l)] })),
              ],
              { fill: NOTE_FILL },
            ),
          ],
        }),
      ],
    }),
    new Paragraph({ children: [] }),
    new Paragraph({ heading: HeadingLevel.HEADING_3, children: [run(outline.budget.title)] }),
  );
  const widths = [0.52, 0.34, 0.14].map((f) => Math.floor(PORTRAIT_TEXT * f));
  out.push(
    table(
      outline.budget.header,
      [
        ...outline.budget.rows.map((r) => ({ cells: [`${r.number}. ${r.title}`, r.basis, formatCount(r.words, outline.lang)] })),
        { cells: [outline.budget.totalLabel, "", formatCount(outline.budget.total, outline.lang)] },
      ],
      widths,
    ),
    new Paragraph({ children: [run(outline.budget.note, { italics: true, color: "666666", size: 18 })] }),
  );
  return out;
}

function annexMatrix(outline: SkeletonOutline): WordTable {
  const { report } = outline.annex;
  const L = messagesFor(outline.lang);
  const columns = matrixColumns(matrixLayoutFor(report.meta.cycle), L, outline.lang, report.names);
  const rows: WordRow[] = [{ header: true, cells: columns.map((c) => ({ text: c.header, bold: true, fill: HEAD_FILL })) }];
  for (const g of report.themes) {
    rows.push({ keep: true, cells: [{ text: `${L.matrix.themePrefix} ${themeTitle({ ...g.theme, ...(g.theme.key ? report.names.theme(g.theme) : {}) }, outline.lang)}`, bold: true, fill: CLUSTER_FILL, span: columns.length }] });
    for (const r of g.items) rows.push({ cells: columns.map((c) => ({ text: c.cell(r), ...(c.small ? { size: 18 } : {}) })) });
  }
  return { widths: columns.map((c) => Math.floor(LANDSCAPE_TEXT * c.width)), rows };
}

function footer(): Footer {
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] });
}

/**
 * Write a skeleton outline as a Word document (.docx bytes).
 * @example
 * const bytes = await renderSkeletonDocx(buildSkeletonOutline(recommendations, { states }));
 */
export async function renderSkeletonDocx(outline: SkeletonOutline, options: WriterOptions = {}): Promise<Uint8Array> {
  const opts = resolveOptions(WriterOptions, options, "renderSkeletonDocx");
  const raw = new RawTables();
  const body: (Paragraph | Table)[] = [];
  const total = outline.annex.report.stats.total;
  if (total > MAX_SKELETON_RECOMMENDATIONS) {
    const message = `A skeleton covers one review: ${total} recommendations is more than the ${MAX_SKELETON_RECOMMENDATIONS} it is written for. Choose one review (State under review and cycle).`;
    throw new MatrixError("limit-exceeded", message, [{ code: "limit-exceeded", severity: "error", message, actual: String(total), expected: [`at most ${MAX_SKELETON_RECOMMENDATIONS}`] }]);
  }
  const SL = messagesFor(outline.lang).skeleton;
  const basis = (id: keyof typeof SL.basis | null) => (id ? blockToDocx({ kind: "basis", text: `${SL.budgetBasis}${messagesFor(outline.lang).colon}${SL.basis[id]}` }, outline, raw) : []);
  for (const s of outline.sections) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(`${s.number}. ${s.title}`)] }));
    body.push(...basis(s.basis));
    for (const b of s.blocks) body.push(...blockToDocx(b, outline, raw));
    for (const sub of s.subsections) {
      body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(`${sub.letter}. ${sub.title}`)] }));
      if (sub.basis && sub.basis !== s.basis) body.push(...basis(sub.basis));
      for (const b of sub.blocks) body.push(...blockToDocx(b, outline, raw));
    }
  }
  const portrait = { size: { width: A4.width, height: A4.height }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } };
  const sections: ISectionOptions[] = [
    { properties: { page: portrait }, footers: { default: footer() }, children: titlePage(outline) },
    { properties: { page: portrait }, footers: { default: footer() }, children: body },
    {
      properties: { page: { ...portrait, size: { ...portrait.size, orientation: PageOrientation.LANDSCAPE } } },
      footers: { default: footer() },
      children: [
        new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(outline.annex.title)] }),
        new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(outline.annex.subtitle)] }),
        new Paragraph({ children: [run(outline.annex.note, { italics: true })] }),
        raw.marker(annexMatrix(outline)),
      ],
    },
  ];
  const date = documentDate(opts.date, outline.annex.report.meta.asOf);
  const doc = new Document({
    creator: "upr-matrix",
    lastModifiedBy: "upr-matrix",
    title: safeText(outline.title),
    ...(outline.subject ? { subject: safeText(outline.subject) } : {}),
    styles: {
      default: {
        document: { run: { font: "Times New Roman", size: 22, language: { value: LOCALE[outline.lang] } } },
      },
    },
    sections,
  });
  const bytes = new Uint8Array(await Packer.toArrayBuffer(doc));
  return stabilizeZip(bytes, date, { "word/document.xml": (xml) => raw.insert(xml) });
}

/**
 * Build the outline and write the Word skeleton of a national report (default) or, with
 * `kind: "mid-term"`, of a voluntary mid-term report.
 * @example
 * import { writeSkeletonDocx } from "upr-matrix/docx";
 * await writeFile("national-report.docx", await writeSkeletonDocx(recommendations, { states, lang: "fr" }));
 */
export async function writeSkeletonDocx(recommendations: readonly Recommendation[], options: SkeletonDocxOptions = {}): Promise<Uint8Array> {
  const opts = resolveOptions(SkeletonDocxOptions, options, "writeSkeletonDocx");
  return renderSkeletonDocx(buildSkeletonOutlineResolved(recommendations, opts), opts);
}
