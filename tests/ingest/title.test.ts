import { expect, test } from "vitest";
import { cycleOfSession, readTitle } from "../../src/ingest/title.js";

test.each([
  ["UPR of Slovenia (2nd Cycle – 20th session)Thematic list of recommendations", "Slovenia", 2, 20],
  ["UPR of China (3rd Cycle – 31st session) Thematic list of recommendations", "China", 3, 31],
  ["UPR of Egypt - Second CycleThematic list of recommendations", "Egypt", 2, null],
  ["UPR of Slovenia (4th Cycle - 48th Session) Thematic list of recommendations*", "Slovenia", 4, 48],
  ["EPU du Sénégal (3e cycle – 31e session) Liste thématique des recommandations", "Sénégal", 3, 31],
  ["EPU de Bolivia (Estado Plurinacional de) (3er ciclo – 34º período de sesiones)", "Bolivia (Estado Plurinacional de)", 3, 34],
  ["UPR of Venezuela (Bolivarian Republic of) (3rd Cycle - 40th session)", "Venezuela (Bolivarian Republic of)", 3, 40],
  ["Thematic list of recommendations", null, null, null],
])("%s", (title, state, cycle, session) => {
  expect(readTitle(title)).toEqual({ stateUnderReview: state, cycle, session });
});

test("cycle of a Working Group session", () => {
  expect([1, 12, 13, 26, 27, 40, 41, 54].map(cycleOfSession)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  expect(cycleOfSession(0)).toBeNull();
});
