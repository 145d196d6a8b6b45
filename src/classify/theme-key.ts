// The label space of the theme classifier: UHRI v1 codes ("A12", "D23"), whatever generation of
// labels a file uses (numbered 2014 "2.1", uncoded 2020 and 2024/25 names map through legacyCode).
import type { ThemeLabel } from "../schema/recommendation.js";
import { findTheme, themeByCode, type Theme } from "../taxonomy/index.js";

/**
 * The v1 code a theme label stands for, or null when no v1 code is known for it.
 * @example
 * themeKey({ code: "2.1", name: "Acceptance of international norms", source: "matrix" }); // "A12"
 */
export function themeKey(label: Pick<ThemeLabel, "code" | "name">): string | null {
  const t: Theme | undefined = (label.code ? themeByCode(label.code) : undefined) ?? findTheme(label.name);
  if (!t) return null;
  return t.taxonomy === "uhri-v1-coded" ? t.code : t.legacyCode;
}

