// Numbers in the typography of each language: thousands separators and percentages.
import type { Language } from "../schema/source.js";

const THOUSANDS: Record<Language, string> = { en: ",", fr: "\u00a0", es: "." };

/**
 * A whole number with the language's thousands separator ("10,700", "10 700", "10.700").
 * @example
 * formatCount(10700, "fr"); // "10\u00a0700"
 */
export function formatCount(n: number, lang: Language): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS[lang]);
}

/**
 * A share as a percentage in the language's typography ("42.5%", "42,5 %"); "–" for none.
 * @example
 * formatPercent(0.425, "fr"); // "42,5\u00a0%"
 */
export function formatPercent(x: number | null, lang: Language): string {
  if (x === null) return "–";
  const s = (Math.round(x * 1000) / 10).toFixed(1);
  return lang === "en" ? `${s}%` : `${s.replace(".", ",")}\u00a0%`;
}
