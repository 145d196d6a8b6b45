// Text from a file (a cell, a sheet or zip entry name) shown in a one-line message. Never exported
// from the package.

const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * `text` in double quotes, on one line, control characters escaped, cut at `max` characters (an
 * ellipsis says it was cut). Messages are printed on terminals: a line break or an ESC sequence from a
 * file must not reach them as such.
 * @example
 * quote("a\nb\u001b[2J"); // "\"a\\nb\\u001b[2J\""
 */
export function quote(text: string, max = 200): string {
  const short = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(short).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * A value from a file (an id, a sheet name) in a message without quotes: unchanged when printable,
 * else escaped as `quote` escapes it.
 * @example
 * plain("117.1"); // "117.1"
 */
export function plain(text: string): string {
  return UNPRINTABLE.test(text) ? quote(text).slice(1, -1) : text;
}
