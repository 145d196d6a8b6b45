// UHRI themes as keyword rules, written from the theme names (src/taxonomy) and common UPR wording,
// with French and Spanish equivalents. The keyword baseline of `npm run eval`, and one input of the
// theme models. A rule is keyed by a v1 code, or by a crosswalk concept where v1 has no code of its
// own (sexual and reproductive health, gender-based violence, reservations, ...); treaty titles
// (treaties.ts) count as hits of their treaty's themes. Hits are read in a head vocabulary (coded or
// cycle4) through the crosswalk.
import { nameIn, termByKey, termIn, type Term } from "../taxonomy/index.js";
import { KeywordMatcher } from "./keywords.js";
import { treatyOf } from "./treaties.js";

/** The vocabularies the theme models predict in: cycle3 names come from cycle4, numbered ones from coded. */
export type ThemeHead = "cycle4" | "coded";

/** v1 theme code or crosswalk concept → phrases. */
export const THEME_KEYWORDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["A12", ["ratify", "ratification", "ratifying", "accede", "accession", "acceding", "optional protocol", "rome statute", "sign and ratify", "become party", "become a party", "ratifier", "adherer", "ratificar", "adherirse", "protocolo facultativo", "protocole facultatif"]],
  ["A22", ["treaty bod*", "periodic report*", "overdue report*", "reporting obligations", "submit its report*", "organes conventionnels"]],
  ["A23", ["concluding observations", "recommendations of the committee", "recommendations of treaty bodies", "observations finales"]],
  ["A24", ["special procedures", "special rapporteur*", "standing invitation", "working group on", "independent expert", "country visit*", "mandate holders", "procedures speciales", "procedimientos especiales", "relator* especial", "invitation permanente", "invitacion permanente"]],
  ["A27", ["universal periodic review", "upr", "follow up to the review", "mid term report", "implementation of the recommendations", "epu", "examen periodique", "examen periodico"]],
  ["A28", ["ohchr", "office of the high commissioner", "high commissioner", "united nations agencies", "un agencies", "international organizations", "international organisations", "regional mechanisms", "international criminal court", "icc", "human rights council", "haut commissariat", "alto comisionado"]],
  ["reservations", ["reservation*", "withdraw its reservation*", "lift its reservation*", "reservas", "reserves"]],
  ["A3", ["technical assistance", "international cooperation", "development assistance", "capacity building", "share its experience", "share experience*", "best practices", "official development assistance", "oda", "donor*", "cooperation with", "assistance technique", "asistencia tecnica", "cooperation internationale", "cooperacion internacional"]],
  ["A41", ["legislation", "law", "laws", "legal framework", "constitution", "constitutional", "penal code", "criminal code", "bill", "amend", "amendment*", "enact", "domestic law", "national law*", "legislative", "ley", "loi", "legislacion", "code penal", "codigo penal"]],
  ["A42", ["institution*", "policy", "policies", "national strategy", "strategy", "mechanism*", "programme*", "program", "politique*", "politica*", "estrategia"]],
  ["A43", ["human rights policy", "human rights policies", "human rights strategy"]],
  ["A44", ["national mechanism for reporting", "national mechanism for implementation", "national mechanisms for implementation", "nmirf", "nmrf", "interministerial", "inter ministerial", "national human rights machinery", "coordinating body", "mecanismo nacional de"]],
  ["A45", ["national human rights institution*", "nhri", "paris principles", "ombudsman", "ombudsperson", "human rights commission", "defensoria del pueblo", "institution nationale des droits", "principes de paris", "principios de paris"]],
  ["A46", ["plan of action", "action plan", "national plan", "national human rights plan", "plan d action", "plan de accion", "plan nacional"]],
  ["A47", ["good governance", "corrupt*", "transparency", "accountability", "rule of law", "governance", "anti corruption", "bonne gouvernance", "corrupcion"]],
  ["A51", ["human rights education", "education in human rights", "human rights in school*", "curricula", "curriculum", "educacion en derechos humanos", "education aux droits"]],
  ["A53", ["training", "train", "trainings", "human rights training", "law enforcement officials", "judges and lawyers", "police officers", "capacitacion", "formation"]],
  ["A54", ["awareness*", "sensitiz*", "sensitis*", "campaign*", "dissemination", "disseminate", "publicize", "sensibilis*", "sensibiliz*", "concienciacion"]],
  ["A61", ["civil society", "non governmental", "ngo", "ngos", "stakeholders", "consultation with", "societe civile", "sociedad civil"]],
  ["A62", ["statistics", "statistical", "data", "disaggregated", "indicators", "census", "database", "donnees", "estadistica*", "datos"]],
  ["A63", ["budget*", "resources", "funding", "allocate", "financial resources", "ressources", "recursos", "presupuesto"]],
  ["B11", ["humanitarian law", "geneva convention*", "civilian*", "armed conflict*", "cluster munition*", "landmine*", "mines", "war crimes", "derecho internacional humanitario", "droit international humanitaire"]],
  ["B2", ["self determination", "autodetermination", "libre determinacion"]],
  ["B31", ["discriminat*", "equality", "equal", "non discrimination", "anti discrimination", "sexual orientation", "gender identity", "hate speech", "hate crime*", "hate motivated", "tolerance", "intolerance", "stigma*", "egalite", "igualdad", "no discriminacion"]],
  ["B32", ["racial*", "racism", "racist", "xenophob*", "hate speech", "hate crime*", "antisemiti*", "islamophob*", "cerd", "durban", "afro descendant*", "people of african descent", "ethnic discrimination", "racisme", "racismo"]],
  ["B41", ["development", "sustainable development", "economic development", "social development", "millennium development goals", "mdgs", "agenda 2030", "2030 agenda", "developpement", "desarrollo"]],
  ["B51", ["remedy", "remedies", "redress", "compensation", "reparation*", "complaint*", "access to justice", "recurso efectivo", "reparacion*"]],
  ["B52", ["impunity", "perpetrators", "hold accountable", "held accountable", "bring to justice", "brought to justice", "impunite", "impunidad"]],
  ["B53", ["victims", "witness*", "victim assistance", "victim support", "victimes", "victimas"]],
  ["B6", ["business", "corporate", "companies", "private sector", "enterprises", "extractive", "empresas", "entreprises"]],
  ["B71", ["environment*", "pollution", "natural resources", "medio ambiente"]],
  ["B73", ["climate change", "climate", "global warming", "cambio climatico", "changement climatique"]],
  ["toxics", ["toxic*", "hazardous waste*", "hazardous substances", "chemicals", "contamination", "contaminated"]],
  ["unilateral-coercive-measures", ["unilateral coercive measures", "coercive measures", "unilateral sanctions", "sanctions", "embargo", "blockade", "medidas coercitivas unilaterales", "mesures coercitives unilaterales"]],
  ["agenda-2030", ["2030 agenda", "agenda 2030", "sustainable development goals", "sdgs", "sdg", "voluntary commitments", "voluntary pledges", "objetivos de desarrollo sostenible", "objectifs de developpement durable"]],
  ["B8", ["terroris*", "counter terrorism", "anti terrorism", "extremism", "violent extremism", "terrorisme", "terrorismo"]],
  ["B9", ["mercenar*"]],
  ["D1", ["civil and political rights", "iccpr", "covenant on civil", "droits civils", "derechos civiles"]],
  ["D21", ["right to life", "extrajudicial*", "killing*", "killed", "summary execution*", "arbitrary execution*", "droit a la vie", "derecho a la vida"]],
  ["D23", ["death penalty", "capital punishment", "death sentence*", "executions", "moratorium", "abolish the death", "peine de mort", "pena de muerte", "pena capital"]],
  ["D25", ["torture", "ill treatment", "cruel inhuman", "degrading treatment", "corporal punishment", "tortura", "malos tratos", "mauvais traitements"]],
  ["npm", ["national preventive mechanism*", "preventive mechanism*", "mecanismo nacional de prevencion", "mecanisme national de prevention"]],
  ["D26", ["detention conditions", "conditions of detention", "prison*", "overcrowding", "detention facilities", "places of detention", "penitentiary", "carcel*", "penitenci*"]],
  ["D27", ["trafficking", "slavery", "forced labour", "forced labor", "trafficked", "smuggling", "servitude", "traite", "trata", "esclavage", "esclavitud"]],
  ["D29", ["domestic violence", "family violence", "intimate partner", "marital rape", "violence domestique", "violencia domestica", "violencia intrafamiliar"]],
  ["D31", ["liberty and security", "security of the person", "personal security"]],
  ["D32", ["enforced disappearance*", "disappearance*", "disappeared", "desaparicion*", "disparition*"]],
  ["D33", ["arbitrary arrest", "arbitrary detention", "arbitrarily detained", "pre trial detention", "pretrial detention", "administrative detention", "detained", "release", "political prisoners", "detention arbitraire", "detencion arbitraria"]],
  ["D41", ["freedom of movement", "travel", "exit visa*", "liberte de circulation", "libertad de circulacion"]],
  ["D42", ["freedom of religion", "religious", "religion*", "belief", "worship", "conscientious objection", "liberte de religion", "libertad religiosa", "libertad de religion"]],
  ["D43", ["freedom of expression", "freedom of opinion", "journalist*", "media", "press", "internet", "censorship", "defamation", "access to information", "freedom of information", "blasphemy", "liberte d expression", "libertad de expresion", "periodistas"]],
  ["D44", ["peaceful assembly", "freedom of assembly", "demonstrat*", "protest*", "reunion pacifica", "reunion pacifique"]],
  ["D45", ["freedom of association", "association*", "trade union*", "political parties", "registration of ngos", "liberte d association", "libertad de asociacion"]],
  ["D46", ["privacy", "private life", "surveillance", "data protection", "vie privee", "vida privada"]],
  ["D51", ["justice", "judiciary", "judicial", "judges", "courts", "court", "fair trial", "lawyers", "due process", "legal aid", "independence of the judiciary", "administration of justice", "justicia", "judicial", "tribunal*", "juez*", "juge*"]],
  ["D6", ["nationality", "citizenship", "birth registration", "identity documents", "statelessness", "stateless", "nacionalidad", "nationalite", "registro de nacimiento"]],
  ["D7", ["election*", "electoral", "vote", "voting", "political participation", "participation in public", "elecciones", "elections"]],
  ["D8", ["marriage", "family", "same sex couples", "partnership", "mariage", "matrimonio", "familia", "famille"]],
  ["E1", ["economic social and cultural rights", "icescr", "economic and social rights", "esc rights", "droits economiques", "derechos economicos"]],
  ["E21", ["standard of living", "living conditions", "social welfare", "basic services", "livelihood*", "nivel de vida", "niveau de vie"]],
  ["E22", ["food", "hunger", "malnutrition", "nutrition", "food security", "alimentation", "alimentacion", "alimentaria"]],
  ["E23", ["housing", "forced eviction*", "eviction*", "homeless*", "shelter", "logement", "vivienda"]],
  ["E24", ["social security", "social protection", "pension*", "social insurance", "social assistance", "seguridad social", "proteccion social", "securite sociale"]],
  ["E25", ["poverty", "poor", "inequalit*", "income", "pauvrete", "pobreza"]],
  ["E26", ["water", "sanitation", "drinking water", "agua", "eau", "assainissement", "saneamiento"]],
  ["E31", ["employment", "unemployment", "right to work", "labour market", "labor market", "jobs", "job", "empleo", "emploi", "trabajo"]],
  ["E32", ["working conditions", "labour", "labor", "workers", "wage*", "occupational", "domestic workers", "child labour", "child labor", "conditions of work", "condiciones de trabajo"]],
  ["E33", ["trade union*", "collective bargaining", "right to strike", "sindica*", "syndica*"]],
  ["E41", ["health", "healthcare", "health care", "medical", "hospital*", "maternal mortality", "infant mortality", "diseases", "malaria", "salud", "sante"]],
  ["sexual-reproductive-health", ["sexual and reproductive", "reproductive health", "reproductive rights", "abortion", "contracepti*", "family planning", "sexuality education", "sexual education", "salud reproductiva", "sante reproductive"]],
  ["E51", ["education", "school*", "schooling", "literacy", "illiteracy", "enrolment", "enrollment", "dropout", "teachers", "educacion", "ecole*", "escuela*", "enseignement"]],
  ["E54", ["vocational", "technical and vocational", "professional training", "formacion profesional", "formation professionnelle"]],
  ["E6", ["property", "credit", "microcredit", "financial services", "propriete", "propiedad"]],
  ["E7", ["cultural rights", "culture", "cultural", "language*", "heritage", "cultura", "culturel*"]],
  ["F11", ["empowerment of women", "women s empowerment", "economic empowerment", "advancement of women", "gender mainstreaming", "egalite des sexes", "igualdad de genero", "empoderamiento"]],
  ["F12", ["discrimination against women", "cedaw", "gender equality", "gender discrimination", "women", "discriminatory provisions", "inheritance", "discrimination a l egard des femmes", "discriminacion contra la mujer"]],
  ["F13", ["violence against women", "female genital mutilation", "fgm", "honour crimes", "honor crimes", "femicide", "feminicid*", "harmful practices", "violence a l egard des femmes", "violencia contra la mujer"]],
  ["gender-based-violence", ["gender based violence", "sexual violence", "sexual abuse", "sexual harassment", "rape", "violence against women", "sexual and gender based", "violencia de genero", "violencia sexual", "violence sexuelle", "violences sexuelles"]],
  ["F14", ["participation of women", "women in political", "representation of women", "women in decision making", "women s participation", "women in public", "quota*", "participation des femmes", "participacion de la mujer"]],
  ["F19", ["girls", "girl", "girl child", "filles", "ninas"]],
  ["F31", ["child", "children", "childrens", "rights of the child", "crc", "best interests of the child", "minors", "juvenile*", "adolescen*", "enfant*", "nino*", "nina*", "infancia"]],
  ["F32", ["alternative care", "family environment", "orphan*", "foster care", "institutionali*", "adoption", "childcare"]],
  ["F33", ["child labour", "child labor", "sexual exploitation of children", "child pornography", "child prostitution", "sale of children", "child trafficking", "child soldier*", "recruitment of children", "street children", "exploitation", "early marriage*", "child marriage*", "forced marriage*"]],
  ["F34", ["juvenile justice", "age of criminal responsibility", "children in conflict with the law", "minimum age of criminal", "justice pour mineurs", "justicia juvenil"]],
  ["F4", ["disabilit*", "disabled", "crpd", "handicap*", "discapacidad*"]],
  ["F41", ["persons with disabilities", "rights of persons with disabilities", "crpd", "disabilit*"]],
  ["F42", ["accessibility", "accessible", "mobility"]],
  ["F44", ["forced sterili*", "integrity of persons with disabilities"]],
  ["F45", ["inclusive education", "independent living", "inclusion of persons with disabilities", "inclusion"]],
  ["G1", ["minorit*", "roma", "ethnic", "caste", "dalit*", "national minorities", "sinti", "minorias", "minorites"]],
  ["G2", ["sexual orientation", "gender identity", "lgbt*", "lesbian*", "gay", "homosexual*", "same sex", "transgender", "intersex", "orientation sexuelle", "orientacion sexual"]],
  ["G3", ["indigenous", "indigen*", "autochtone*", "first nations", "aborigin*", "pueblos indigenas"]],
  ["G4", ["migrant*", "migration", "foreigner*", "foreign workers", "immigra*", "non citizens", "migrante*"]],
  ["G5", ["refugee*", "asylum*", "non refoulement", "refoulement", "refugie*", "refugiad*", "asile", "asilo"]],
  ["G6", ["internally displaced", "idps", "idp", "displaced persons", "desplazad*", "deplacees"]],
  ["G9", ["older persons", "elderly", "ageing", "aging", "personnes agees", "personas mayores", "adultos mayores"]],
  ["H1", ["human rights defender*", "defenders", "activists", "journalists", "lawyers", "defenseur* des droits", "defensores de derechos", "defensores de los derechos"]],
  ["H3", ["hiv", "aids", "vih", "sida"]],
  ["H4", ["rural", "rural areas", "rural women", "countryside", "zones rurales", "zonas rurales"]],
];

let matcher: KeywordMatcher | undefined;

/**
 * The keyword matcher for UHRI themes (compiled once): hits keyed by v1 code or concept.
 * @example
 * themeMatcher().match(tokenize("Abolish the death penalty")); // Map { "D23" => ["death penalty"] }
 */
export function themeMatcher(): KeywordMatcher {
  matcher ??= new KeywordMatcher(THEME_KEYWORDS);
  return matcher;
}

const V1 = /^[A-HS]\d{0,2}$/;
const heads: Record<ThemeHead, Map<string, string | null>> = { cycle4: new Map(), coded: new Map() };

/**
 * The term key a rule key (v1 code or concept) stands for in a head vocabulary, or null when the head
 * has no term for it that a real list shows.
 * @example
 * ruleTarget("E41", "cycle4"); // "health"
 * ruleTarget("sexual-reproductive-health", "coded"); // "E41"
 */
export function ruleTarget(key: string, head: ThemeHead): string | null {
  const cache = heads[head];
  let v = cache.get(key);
  if (v === undefined) {
    let t: Term | undefined;
    if (V1.test(key)) {
      const code = termByKey("coded", key);
      t = code && (head === "coded" ? code : termIn(code, head));
    } else t = nameIn(key, head);
    v = t && t.observed ? t.key : null;
    cache.set(key, v);
  }
  return v;
}

/**
 * A text's theme rule hits in a head vocabulary: keyword hits and treaty titles, each term with the
 * phrases that decided it.
 * @example
 * themeHits(analyzeText("Ratify the ICRMW").tokens, "cycle4"); // Map { "ratification" => ["ratify"], "migrants" => ["ICRMW (treaty)"] }
 */
export function themeHits(tokens: readonly string[], head: ThemeHead): Map<string, string[]> {
  const out = new Map<string, string[]>();
  // The phrase lists passed are this call's own: the first of a term is kept as it is.
  const add = (key: string, phrases: string[]) => {
    const k = ruleTarget(key, head);
    if (!k) return;
    const list = out.get(k);
    if (!list) out.set(k, phrases);
    else for (const p of phrases) if (!list.includes(p)) list.push(p);
  };
  for (const [key, phrases] of themeMatcher().match(tokens)) add(key, phrases);
  for (const token of tokens) {
    const treaty = treatyOf(token);
    if (treaty) for (const c of treaty.concepts) add(c, [`${treaty.key.toUpperCase()} (treaty)`]);
  }
  return out;
}

