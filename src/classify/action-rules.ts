// UPR Info's action categories as transparent rules, from its coding manual (upr-info/methodology/
// Database_Action_Category.pdf, October 2014): the first verb decides; "Continue and strengthen" takes
// the second verb; a general action followed by specific examples ("... by amending the family code")
// is specific. Verbs beyond the manual's examples were added by meaning, in English, French, Spanish.
import { textForFeatures, tokenize, type TextAnalysis } from "./features.js";

/** 1 minimal, 2 continuing, 3 considering, 4 general, 5 specific action. */
export type ActionLevel = 1 | 2 | 3 | 4 | 5;

/** A rule decision with the words that decided it. */
export interface ActionRuleResult {
  category: ActionLevel;
  evidence: string[];
}

const VERBS: Record<ActionLevel, readonly string[]> = {
  1: ["seek", "share", "request", "solicit", "call", "exchange", "invite", "appeal", "demander", "solicitar", "compartir", "partager", "solliciter"],
  2: [
    "continue", "continues", "continuing", "continued", "maintain", "persevere", "persist", "pursue", "pursuing", "keep", "sustain", "carry",
    "remain", "preserve", "poursuivre", "continuer", "maintenir", "perseverer", "continuar", "proseguir", "seguir", "mantener", "perseverar",
  ],
  3: [
    "analyse", "analyze", "consider", "considering", "envisage", "envision", "examine", "explore", "reflect", "revise", "review", "study",
    "assess", "evaluate", "reconsider", "contemplate", "look", "think", "weigh", "envisager", "examiner", "etudier", "reviser", "considerer",
    "reexaminer", "considerar", "estudiar", "examinar", "revisar", "analizar", "contemplar", "evaluar",
  ],
  4: [
    "accelerate", "address", "encourage", "engage", "ensure", "guarantee", "intensify", "promote", "speed", "strengthen", "take", "enhance",
    "improve", "increase", "redouble", "step", "reinforce", "protect", "respect", "combat", "fight", "tackle", "work", "support", "facilitate",
    "foster", "raise", "make", "further", "end", "prevent", "integrate", "multiply", "endeavour", "endeavor", "succeed", "strive", "commit", "eradicate", "consolidate", "follow", "reduce", "do", "expedite", "uphold", "invest",  "give", "pay", "focus", "prioritize", "prioritise", "expand", "broaden", "deepen", "redouble", "boost",
    "cooperate", "collaborate", "use", "fulfil", "fulfill", "move", "devote", "exert", "monitor", "involve", "build", "accomplish", "place",
    "better", "accord", "refrain", "reach", "find", "condemn", "adjust", "comply", "honour", "honor",
    "renforcer", "veiller", "garantir", "promouvoir", "prendre", "intensifier", "ameliorer", "assurer", "proteger", "lutter", "redoubler",
    "fortalecer", "garantizar", "velar", "promover", "tomar", "intensificar", "mejorar", "asegurar", "proteger", "luchar", "redoblar", "reforzar",
  ],
  5: [
    "conduct", "develop", "eliminate", "establish", "investigate", "undertake", "abolish", "accede", "adopt", "amend", "implement", "enforce",
    "ratify", "enact", "criminalize", "criminalise", "repeal", "introduce", "create", "set", "issue", "extend", "withdraw", "prohibit", "ban",
    "allocate", "provide", "publish", "submit", "sign", "incorporate", "harmonize", "harmonise", "align", "bring", "finalize", "finalise",
    "complete", "release", "train", "launch", "lift", "decriminalize", "decriminalise", "revoke", "prosecute", "punish", "remove",
    "present", "prescribe", "adhere", "conclude", "adapt", "draw", "circulate", "acknowledge", "declare", "modify", "reform", "readopt", "reintroduce", "reestablish", "return", "hold", "organize", "organise",
    "appoint", "designate", "elaborate", "formulate", "draft", "approve", "accept", "become", "join", "define", "include", "put", "allow",
    "grant", "raise", "stop", "cease", "outlaw", "legislate", "pass", "design", "apply", "respond", "answer", "report", "recognize", "recognise",
    "commute", "impose", "agree", "start", "abrogate", "confirm", "denounce", "proceed", "initiate", "open", "enable",
    "ratifier", "adopter", "abolir", "etablir", "creer", "modifier", "mettre", "incriminer", "abroger", "adherer", "signer", "elaborer",
    "ratificar", "adoptar", "establecer", "crear", "modificar", "tipificar", "derogar", "adherirse", "firmar", "elaborar", "aprobar", "cursar",
  ],
};

// "Adopt measures" is general; "Adopt a law" is specific.
const GENERAL_OBJECT = /^(?:\w+ ){0,3}?(?:measures|steps|efforts|mesures|medidas)\b|^(?:\w+ ){0,2}?actions?\b(?! plan)/;
const SOFTEN = new Set(["adopt", "undertake", "take", "implement", "develop", "provide", "adopter", "adoptar"]);
// A general action with specific means ("... by amending the family code", "through the enactment of").
const MEANS = /\b(?:by|through|including|notably|via|such as)(?: by| through| the| inter alia| means of)* (\w+)/g;
// Opening phrases before the recommendation proper: "In line with ..., consider ...".
const OPENING = /^(?:in|while|with|noting|welcoming|taking|following|given|bearing|recognizing|recognising|acknowledging|as|on|within|after|building|based|according|guided|mindful|pursuant|consistent|together|commending|having|for|during|at|to this end)\b[^,;:]{0,200}[,;:]\s*/i;
const PASSIVE = /\b(?:is|are|be|was|were) (?:encouraged|invited|urged|called upon|requested|recommended) to\s+|\bencourages? (?:it|the government|them) to\s+|\brecommended that (?:\w+ ){1,4}?(?:should )?/i;
// Each passive formula names one of these words within its first 16 characters, and only formulas
// starting in the first 80 count: texts without one in their first 100 characters are not searched.
const PASSIVE_WORD = /encourage|invited|urged|called upon|requested|recommended/i;
const OTHERS_AS_SUBJECT = /^(?:the )?(?:international community|donor|donors|other states|all states|states|developed countries|united nations|un agencies|ohchr|office of the high commissioner|communaute internationale|comunidad internacional)\b/;
const HELP_OBJECT = /\b(?:assistance|support|advice|help|cooperation|experience|experiences|best practices|good practices|information|expertise|lessons)\b/;

const LEVEL = new Map<string, ActionLevel>();
for (const level of [1, 2, 3, 5, 4] as const) for (const v of VERBS[level]) if (!LEVEL.has(v)) LEVEL.set(v, level);
// Second word that marks a phrasal verb of another level ("take note" is not "take measures"); verb →
// second word → level, so that looking a pair up makes no string.
const PHRASAL = new Map<string, Map<string, ActionLevel>>();
for (const [pair, level] of [
  ["look into", 3], ["look at", 3], ["take into", 3], ["carry out", 5], ["set up", 5], ["put in", 5], ["put an", 5], ["bring into", 5],
  ["step up", 4], ["speed up", 4], ["follow up", 4], ["make available", 5], ["keep on", 2], ["carry on", 2], ["give continuity", 2], ["raise awareness", 4], ["give consideration", 3], ["give positive", 3], ["give serious", 3],
  ["give due", 3], ["pay attention", 4], ["pay particular", 4], ["pay special", 4], ["invite the", 5], ["extend an", 5], ["extend a", 5],
  ["mettre en", 5], ["mettre fin", 5], ["prendre des", 4], ["adoptar medidas", 4], ["adopter des", 4], ["take the", 4],
] as const) {
  const [verb, second] = pair.split(" ") as [string, string];
  PHRASAL.set(verb, (PHRASAL.get(verb) ?? new Map()).set(second, level));
}

const SKIP = new Set(["not", "recommend", "that", "the", "government", "state", "should", "to", "it", "is", "recommended", "recommends", "we", "please", "also", "without", "delay", "as", "soon", "possible", "urgently", "immediately", "further"]);

const NOMINAL: ReadonlyMap<string, ActionLevel> = new Map([
  ["adoption", 5], ["enactment", 5], ["amendment", 5], ["amendments", 5], ["establishment", 5], ["ratification", 5], ["accession", 5],
  ["creation", 5], ["introduction", 5], ["abolition", 5], ["repeal", 5], ["criminalization", 5], ["criminalisation", 5], ["implementation", 5],
  ["development", 5], ["elaboration", 5], ["allocation", 5], ["revision", 5], ["strengthening", 4], ["promotion", 4], ["improvement", 4],
]);

// The level of the word after "by"/"through": "ratifying" → ratify (5), "strengthening" → strengthen (4).
function meansLevel(word: string): ActionLevel | undefined {
  const nominal = NOMINAL.get(word);
  if (nominal) return nominal;
  if (!word.endsWith("ing")) return undefined;
  const stem = word.slice(0, -3);
  for (const v of [stem, `${stem}e`, stem.replace(/(.)\1$/, "$1"), stem.replace(/y$/, "ie"), stem.replace(/i$/, "y")]) {
    const l = LEVEL.get(v);
    if (l !== undefined) return l;
  }
  return undefined;
}

/** Where the rules found the lead verb: the tokens they read (opening and passive formula cut off). */
export interface ActionParse {
  tokens: readonly string[];
  /** Index of the deciding verb in `tokens` (the second of two leading verbs), -1 when none is known. */
  at: number;
  /** Index of the first leading word after subjects and adverbs. */
  start: number;
  /** The level of the lead verb before any "measures"/specific-means adjustment. */
  verbLevel: ActionLevel | undefined;
  /** How the decision was adjusted: "soften" (adopt measures), "means5"/"means4" (by amending), "others", "help". */
  adjust: string;
  result: ActionRuleResult | null;
}

/**
 * The level of a verb in the coding manual's lists (with the verbs added by meaning), or undefined.
 * @example
 * verbLevel("ratify"); // 5
 */
export function verbLevel(word: string): ActionLevel | undefined {
  return LEVEL.get(word);
}

/**
 * UPR Info's action category by its coding manual's rules: the level of the lead verb (or of the
 * second of two leading verbs), raised to 5 when a general action names specific means; null when no
 * known verb leads the text.
 * @example
 * actionCategoryByRules("Continue and strengthen efforts to combat trafficking"); // { category: 4, evidence: [...] }
 */
export function actionCategoryByRules(text: string | TextAnalysis): ActionRuleResult | null {
  return parseAction(text).result;
}

/**
 * The rules' reading of a text: the decision and where its verb stands (for the model's features).
 * @example
 * parseAction("Ratify OP-CAT").result?.category; // 5
 */
export function parseAction(text: string | TextAnalysis): ActionParse {
  const content = typeof text === "string" ? textForFeatures(text) : text.content;
  let plain = content.replace(OPENING, "");
  const passive = PASSIVE_WORD.test(plain.slice(0, 100)) ? PASSIVE.exec(plain) : null;
  if (passive && passive.index < 80) plain = plain.slice(passive.index + passive[0].length);
  // The analysis' tokens serve when nothing was cut off the front (most texts).
  const tokens = typeof text !== "string" && plain === content ? text.tokens : tokenize(plain);
  const none = (start: number): ActionParse => ({ tokens, at: -1, start, verbLevel: undefined, adjust: "", result: null });
  if (tokens.length === 0) return none(0);
  let s = 0;
  while (s < tokens.length - 1 && s < 5 && (SKIP.has(tokens[s]!) || (tokens[s]!.endsWith("ly") && !LEVEL.has(tokens[s]!)))) s++;
  // The longest subject of others is six words ("the office of the high commissioner"): the regexp
  // reads no further than the word after it.
  if (OTHERS_AS_SUBJECT.test(tokens.slice(s, s + 7).join(" "))) {
    return { tokens, at: -1, start: s, verbLevel: undefined, adjust: "others", result: { category: 1, evidence: ["addressed to others than the State under review"] } };
  }
  let verb = tokens[s]!;
  let at = s;
  // Two leading verbs: the second is privileged ("Continue and strengthen ..." → strengthen).
  if ((tokens[s + 1] === "and" || tokens[s + 1] === "or" || tokens[s + 1] === "et" || tokens[s + 1] === "y") && LEVEL.has(tokens[s + 2] ?? "")) {
    verb = tokens[s + 2]!;
    at = s + 2;
  }
  const phrasal = PHRASAL.get(verb)?.get(tokens[at + 1] ?? "");
  let level = phrasal ?? LEVEL.get(verb);
  if (level === undefined) return none(s);
  const verbLevel = level;
  let adjust = "";
  const evidence = [phrasal ? `${verb} ${tokens[at + 1]}` : verb];
  if (at !== s) evidence.unshift(`second of two verbs (${tokens[s]} ... ${verb})`);
  if (level === 1 && !HELP_OBJECT.test(tokens.slice(at, at + 12).join(" "))) {
    level = verb === "call" || verb === "appeal" ? 4 : 5;
    adjust = "help";
  }
  // The words after the verb as one string, for the two adjustments below (only they read it).
  const soften = level === 5 && SOFTEN.has(verb);
  const after = soften || level === 4 || level === 2 ? tokens.slice(at + 1).join(" ") : "";
  if (soften && GENERAL_OBJECT.test(after)) {
    level = 4;
    adjust = "soften";
    evidence.push(`${verb} ... ${GENERAL_OBJECT.exec(after)![0].split(" ").pop()}`);
  }
  if (level === 4 || level === 2) {
    for (const m of after.matchAll(MEANS)) {
      const means = meansLevel(m[1]!);
      if (means === 5) {
        level = 5;
        adjust = "means5";
        evidence.push(`specific means: "${m[0]}"`);
        break;
      }
      if (means === 4 && level === 2) {
        level = 4;
        adjust = "means4";
        evidence.push(`general means: "${m[0]}"`);
        break;
      }
    }
  }
  return { tokens, at, start: s, verbLevel, adjust, result: { category: level, evidence } };
}
