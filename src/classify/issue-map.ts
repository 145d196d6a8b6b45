// UPR Info issues → UHRI themes and affected persons. No official concordance exists (DOMAIN-DETAIL
// §5.4); this table was written by hand from the names and UPR Info's coding manual, without looking
// at any labelled matrix. It lets the issue model, trained on ~20,000 UPR Info rows, inform the theme
// and persons models, which have only ~1,000 matrix rows to learn from.

/** Issue name → v1 theme codes it corresponds to. */
export const ISSUE_THEMES: ReadonlyMap<string, readonly string[]> = new Map([
  ["Asylum-seekers - refugees", ["G5"]],
  ["Business and human rights", ["B6"]],
  ["Civil society", ["A61"]],
  ["Corruption", ["A47"]],
  ["Counter-terrorism", ["B8"]],
  ["CP rights - general", ["D1"]],
  ["Death penalty", ["D23"]],
  ["Detention", ["D26", "D33"]],
  ["Development", ["B41"]],
  ["Disabilities", ["F4", "F41"]],
  ["Elections", ["D7"]],
  ["Enforced disappearances", ["D32"]],
  ["Environment", ["B71"]],
  ["ESC rights - general", ["E1"]],
  ["Extrajudicial executions", ["D21"]],
  ["Freedom of association and peaceful assembly", ["D44", "D45"]],
  ["Freedom of movement", ["D41"]],
  ["Freedom of opinion and expression", ["D43"]],
  ["Freedom of religion and belief", ["D42"]],
  ["Freedom of the press", ["D43"]],
  ["HIV - Aids", ["H3"]],
  ["Human rights defenders", ["H1"]],
  ["Human rights education and training", ["A51", "A53", "A54"]],
  ["Impunity", ["B52"]],
  ["Indigenous peoples", ["G3"]],
  ["Internally displaced persons", ["G6"]],
  ["International humanitarian law", ["B11"]],
  ["International instruments", ["A12"]],
  ["Justice", ["D51"]],
  ["Labour", ["E31", "E32"]],
  ["Migrants", ["G4"]],
  ["Minorities", ["G1"]],
  ["National plan of action", ["A46"]],
  ["NHRI", ["A45"]],
  ["Poverty", ["E25"]],
  ["Public security", ["D31"]],
  ["Racial discrimination", ["B32"]],
  ["Right to education", ["E51"]],
  ["Right to food", ["E22"]],
  ["Right to health", ["E41"]],
  ["Right to housing", ["E23"]],
  ["Right to water", ["E26"]],
  ["Rights of the Child", ["F31"]],
  ["Sexual Orientation and Gender Identity", ["G2"]],
  ["Special procedures", ["A24"]],
  ["Technical assistance and cooperation", ["A3"]],
  ["Torture and other CID treatment", ["D25"]],
  ["Trafficking", ["D27"]],
  ["Treaty bodies", ["A22", "A23"]],
  ["UPR process", ["A27"]],
  ["Women's rights", ["F11", "F12", "F13"]],
]);

/** Issue name → affected persons (v1 names). */
export const ISSUE_PERSONS: ReadonlyMap<string, readonly string[]> = new Map([
  ["Asylum-seekers - refugees", ["Refugees & asylum seekers"]],
  ["Detention", ["Persons deprived of their liberty"]],
  ["Disabilities", ["Persons with disabilities"]],
  ["Enforced disappearances", ["Disappeared persons"]],
  ["Freedom of the press", ["Media"]],
  ["General", ["General"]],
  ["HIV - Aids", ["Persons living with HIV/AIDS"]],
  ["Human rights defenders", ["Human rights defenders"]],
  ["Indigenous peoples", ["Indigenous peoples"]],
  ["Internally displaced persons", ["Internally displaced persons"]],
  ["Justice", ["Judges, lawyers and prosecutors"]],
  ["Migrants", ["Migrants"]],
  ["Minorities", ["Minorities / racial, ethnic, linguistic, religious or descent-based groups"]],
  ["Poverty", ["Persons living in poverty"]],
  ["Rights of the Child", ["Children"]],
  ["Sexual Orientation and Gender Identity", ["Lesbian, gay, bisexual and transgender and intersex persons (LGBTI)"]],
  ["Women's rights", ["Women"]],
]);

/**
 * Invert an issue table: label → the issues that point to it.
 * @example
 * invertIssueMap(ISSUE_THEMES).get("D23"); // ["Death penalty"]
 */
export function invertIssueMap(table: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [issue, labels] of table) {
    for (const l of labels) {
      const list = out.get(l) ?? [];
      list.push(issue);
      out.set(l, list);
    }
  }
  return out;
}
