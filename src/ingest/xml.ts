// One SAX parser setup for every XML part the readers parse (worksheets, documents, relationships):
// nesting bounded, parser errors as one-line `corrupt-file` errors, and what saxes buffers between two
// tags kept small, so that a 480 MB cell or comment never becomes one string.
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { quote } from "../internal/quote.js";
import { ZipError } from "./zip.js";

/** What a part's elements and text are handed to. */
export interface XmlHandlers {
  open?: (tag: SaxesTagPlain) => void;
  close?: (tag: SaxesTagPlain) => void;
  text?: (text: string) => void;
}

/** A parser fed a part's text piece by piece, then closed. */
export interface XmlParser {
  write(text: string): void;
  close(): void;
}

/**
 * Characters saxes may hold between two tags before they are handed over (text) or dropped (comments,
 * processing instructions, a long attribute value past its first kilobyte). saxes accumulates them in
 * its `text` field until the next tag; its parser state tells what they are (saxes 6.0.0, pinned).
 */
const HELD = 1 << 20;
const S_TEXT = 13;
const S_ATTRIB_VALUE = new Set([39, 40, 41, 42]);

interface SaxesInternals {
  text: string;
  name: string;
  state: number;
}

/**
 * The element name without its namespace prefix (SpreadsheetML is written `x:row` by some writers).
 * @example
 * localName("x:row"); // "row"
 */
export function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/**
 * A SAX parser over one part (named `part` in messages) with a nesting bound of `maxDepth`. Throws a
 * ZipError: `limit-exceeded` past the depth, `corrupt-file` for XML that is not well formed (the
 * handlers' own ZipErrors pass through).
 * @example
 * const p = xmlParser("xl/workbook.xml", 256, { open: (tag) => names.push(tag.name) });
 * p.write(xml);
 * p.close();
 */
export function xmlParser(part: string, maxDepth: number, handlers: XmlHandlers): XmlParser {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const internals = parser as unknown as SaxesInternals;
  let depth = 0;
  parser.on("opentag", (tag) => {
    if (++depth > maxDepth) throw new ZipError("limit-exceeded", `${quote(part)} nests XML elements more than ${maxDepth} deep (limits.maxDepth)`);
    handlers.open?.(tag);
  });
  parser.on("closetag", (tag) => {
    depth--;
    handlers.close?.(tag);
  });
  const onText = handlers.text;
  if (onText) parser.on("text", onText);
  const bound = () => {
    if (internals.name.length > HELD) throw new ZipError("corrupt-file", `${quote(part)} holds an element or attribute name longer than ${HELD} characters`);
    if (internals.text.length <= HELD) return;
    if (internals.state === S_TEXT) {
      if (onText) onText(internals.text);
      internals.text = "";
    } else if (S_ATTRIB_VALUE.has(internals.state)) internals.text = internals.text.slice(0, 1024);
    else internals.text = "";
  };
  const guard = (f: () => void) => {
    try {
      f();
    } catch (e) {
      if (e instanceof ZipError) throw e;
      throw new ZipError("corrupt-file", `${quote(part)} is not well formed XML: ${((e as Error).message.split("\n")[0] ?? "").slice(0, 200).replace(/\.$/, "")}`);
    }
  };
  return {
    write: (text) =>
      guard(() => {
        parser.write(text);
        bound();
      }),
    close: () => guard(() => parser.close()),
  };
}

/**
 * Parse a whole (small) part.
 * @example
 * parseXml(relsXml, "_rels/.rels", 256, { open: (tag) => rels.push(tag.attributes) });
 */
export function parseXml(xml: string, part: string, maxDepth: number, handlers: XmlHandlers): void {
  const p = xmlParser(part, maxDepth, handlers);
  p.write(xml);
  p.close();
}
