import type { PersonLabel, SdgLabel, ThemeLabel } from "../schema/recommendation.js";
import { cleanLine, fold, lines } from "../internal/text.js";
import { findPerson, findSdg, findTheme, themeByCode } from "../taxonomy/index.js";

/** A "Full list of themes" cell read into themes, affected persons and SDGs. */
export interface ThemesCell {
  themes: ThemeLabel[];
  persons: PersonLabel[];
  sdgs: SdgLabel[];
  /** Theme labels not found in the taxonomy (kept in `themes` with a null code). */
  unknownThemes: string[];
}

type Section = "themes" | "persons" | "sdgs";

// Section labels inside the cell, in the three languages ("Affected persons:", "Groups of Persons:", "SDGs:").
const SECTIONS: ReadonlyArray<readonly [RegExp, Section]> = [
  [/^(affected persons|groups of persons|personnes concernees|groupes de personnes|personas afectadas|grupos de personas)$/, "persons"],
  [/^(sdgs?|relevant sdgs|odd|ods|objectifs de developpement durable|objetivos de desarrollo sostenible)$/, "sdgs"],
  [/^(themes?|human rights themes|temas?)$/, "themes"],
];

// v1 code + label ("A12 Acceptance of ..."), SDG code ("S16 SDG 16 - peace ..."), numbered ("2.1. Acceptance ...").
const CODED = /^([A-HS]\d{0,2})\s+(\S.*)$/;
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2})?)\.\s*(\S.*)$/;
// The Egypt-era cells run numbered themes together: "... framework14.4. Right to peaceful assembly".
const NUMBERED_SPLIT = /(?<=[\p{L})\s])(?=\d{1,2}(?:\.\d{1,2})?\.\s)/u;
const SDG_ITEM = /^(?:sdg\s*|goal\s*|objectif\s*|odd\s*|ods\s*)?(\d{1,2})(?:\s*[-–—:.]\s*\S.*)?$/i;

function sectionOf(line: string): Section | undefined {
  const key = fold(line);
  for (const [re, s] of SECTIONS) if (re.test(key)) return s;
  return undefined;
}

function stripBullet(s: string): string {
  return s.replace(/^[-–—•*·]\s*/, "").trim();
}

/**
 * Read a theme label (coded, numbered or plain) into a theme with its UHRI code when known.
 * @example
 * readTheme("A12 Acceptance of international norms"); // { code: "A12", name: "Acceptance of international norms", ... }
 */
export function readTheme(label: string): { theme: ThemeLabel; known: boolean } {
  const item = stripBullet(cleanLine(label));
  const coded = CODED.exec(item) ?? NUMBERED.exec(item);
  if (coded?.[1] && coded[2]) {
    const byCode = themeByCode(coded[1]);
    return { theme: { code: coded[1], name: coded[2].trim(), source: "matrix" }, known: byCode !== undefined };
  }
  const found = findTheme(item);
  // Uncoded labels (2020 and 2025 lists) take the v1 code they map to, so clusters and statistics line up.
  return { theme: { code: found ? (found.code ?? found.legacyCode) : null, name: item, source: "matrix" }, known: found !== undefined };
}

/**
 * Read a "Full list of themes" cell (and the SDG column of 4th-cycle matrices).
 * @example
 * readThemesCell("A12 Acceptance of international norms\nAffected persons:\n- general").persons; // [{ name: "general", source: "matrix" }]
 */
export function readThemesCell(cell: string, start: Section = "themes"): ThemesCell {
  const out: ThemesCell = { themes: [], persons: [], sdgs: [], unknownThemes: [] };
  let section: Section = start;
  for (const raw of lines(cell)) {
    const line = raw.replace(/\s*:\s*$/, "").trim();
    const next = raw.trim().endsWith(":") || sectionOf(line) ? sectionOf(line) : undefined;
    if (next) {
      section = next;
      continue;
    }
    if (section === "persons") {
      // "general- judiciary": several persons run together on one line in older matrices.
      for (const part of stripBullet(line).split(/(?<=\p{L}|\))\s*-\s+/u)) {
        const name = part.trim();
        if (name) out.persons.push({ name: findPerson(name)?.name ?? name, source: "matrix" });
      }
      continue;
    }
    const item = stripBullet(line);
    if (!item) continue;
    const sdgCoded = /^S(\d{1,2})\s/.exec(item);
    if (section === "sdgs" || sdgCoded) {
      const goal = sdgCoded ? Number(sdgCoded[1]) : (findSdg(item) ?? Number(SDG_ITEM.exec(item)?.[1] ?? NaN));
      if (goal >= 1 && goal <= 17) {
        if (!out.sdgs.some((s) => s.goal === goal)) out.sdgs.push({ goal, source: "matrix" });
        continue;
      }
      if (section === "sdgs") {
        out.unknownThemes.push(item);
        continue;
      }
    }
    const parts = NUMBERED.test(item) ? item.split(NUMBERED_SPLIT) : [item];
    for (const part of parts) {
      const { theme, known } = readTheme(part);
      if (!theme.name) continue;
      if (!known) out.unknownThemes.push(part.trim());
      if (!out.themes.some((t) => t.name === theme.name && t.code === theme.code)) out.themes.push(theme);
    }
  }
  return out;
}

/**
 * Read a theme header row ("Theme: A12 Acceptance of international norms", "Right or area: 2.1. ...",
 * "Thème : ...", "Tema: ..."); null when the text is not one.
 * @example
 * readThemeHeader("Theme: D23 Death penalty"); // { code: "D23", name: "Death penalty" }
 */
export function readThemeHeader(text: string): { code: string | null; name: string } | null {
  const m = /^\s*(?:theme|th[eè]me|tema|right or area|cluster|groupe th[eé]matique|grupo tem[aá]tico)\s*:\s*(.+)$/is.exec(
    cleanLine(text.replace(/\n/g, " ")),
  );
  if (!m?.[1]) return null;
  const { theme } = readTheme(m[1]);
  return { code: theme.code, name: theme.name };
}
