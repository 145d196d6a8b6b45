// UPR Info issues as keyword rules: the issue names and the "chart of commonly used tagged" terms of
// UPR Info's coding manual (upr-info/methodology/Database_Issues_explanation.pdf, October 2014),
// plus French and Spanish equivalents. The keyword baseline of `npm run eval`, and one input of the model.
import { KeywordMatcher } from "./keywords.js";

/** Issue name (as in src/taxonomy/data/issues.json) → phrases. */
export const ISSUE_KEYWORDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["Asylum-seekers - refugees", ["asylum*", "refugee*", "non refoulement", "refoulement", "refugie*", "refugiad*", "demandeur* d asile", "solicitantes de asilo"]],
  ["Business and human rights", ["business and human rights", "corporate social responsibility", "guiding principles on business", "transnational corporations", "entreprises et droits"]],
  ["Civil society", ["civil society", "non governmental organization*", "non governmental organisation*", "ngo", "ngos", "societe civile", "sociedad civil"]],
  ["Corruption", ["corrupt*", "bribery", "anti corruption", "convention against corruption"]],
  ["Counter-terrorism", ["terroris*", "counter terrorism", "anti terrorism", "antiterror*", "terrorisme", "terrorismo"]],
  ["CP rights - general", ["civil and political rights", "iccpr", "covenant on civil", "nationality", "citizenship", "droits civils", "derechos civiles"]],
  ["Death penalty", ["death penalty", "capital punishment", "death sentence*", "executions", "moratorium", "abolition of the death", "public execution*", "peine de mort", "pena de muerte", "pena capital"]],
  ["Detention", ["detention", "detainee*", "prison*", "pre trial", "pretrial", "incarcerat*", "optional protocol to the convention against torture", "op cat", "opcat", "detention conditions", "carcel*", "penitenci*"]],
  ["Development", ["millennium development goals", "mdgs", "mdg", "development goals", "sustainable development", "unemployment", "economic development", "developpement", "desarrollo"]],
  ["Disabilities", ["disabilit*", "disabled", "handicap*", "discapacidad*", "crpd"]],
  ["Elections", ["election*", "electoral", "elecciones", "electoral"]],
  ["Enforced disappearances", ["enforced disappearance*", "disappearance*", "disappeared", "desaparicion*", "disparition*"]],
  ["Environment", ["environment*", "climate change", "pollution", "medio ambiente", "cambio climatico", "changement climatique"]],
  ["ESC rights - general", ["economic social and cultural rights", "icescr", "economic and social rights", "esc rights", "desc", "droits economiques", "derechos economicos"]],
  ["Extrajudicial executions", ["extrajudicial*", "extra judicial", "summary execution*", "arbitrary execution*", "ejecuciones extrajudiciales", "executions extrajudiciaires"]],
  ["Freedom of association and peaceful assembly", ["freedom of association", "peaceful assembly", "freedom of assembly", "right to assembly", "opposition leaders", "trade union*", "liberte d association", "libertad de asociacion", "reunion pacifica"]],
  ["Freedom of movement", ["freedom of movement", "travel ban*", "exit visa*", "liberte de circulation", "libertad de circulacion"]],
  ["Freedom of opinion and expression", ["freedom of expression", "freedom of opinion", "access to information", "right to information", "freedom of information", "defamation", "political prisoner*", "blasphemy", "censorship", "liberte d expression", "libertad de expresion"]],
  ["Freedom of religion and belief", ["freedom of religion", "religious freedom", "freedom of belief", "conscientious objection", "dialogue between religion*", "religious minorit*", "worship", "liberte de religion", "libertad de religion", "libertad religiosa"]],
  ["Freedom of the press", ["journalist*", "press", "media", "freedom of the press", "medias", "periodist*", "prensa"]],
  ["General", ["democracy", "human rights goals", "tolerance", "intolerance", "international human rights mechanisms"]],
  ["HIV - Aids", ["hiv", "aids", "vih", "sida"]],
  ["Human rights defenders", ["human rights defender*", "defenders", "declaration on human rights defenders", "defenseur* des droits", "defensores de los derechos"]],
  ["Human rights education and training", ["human rights education", "human rights training", "awareness raising", "awareness campaign*", "training", "trainings", "education in human rights", "capacitacion", "formation aux droits"]],
  ["Human rights violations by state agents", ["security forces", "police officers", "law enforcement officials", "state agents", "police brutality", "excessive use of force", "army", "military personnel", "fuerzas de seguridad"]],
  ["Impunity", ["impunity", "impunite", "impunidad", "accountab*", "perpetrators"]],
  ["Indigenous peoples", ["indigenous", "indigen*", "autochtone*", "first nations", "aborigin*", "pueblos indigenas"]],
  ["Internally displaced persons", ["internally displaced", "idps", "idp", "displaced persons", "desplazad*", "personnes deplacees"]],
  ["International humanitarian law", ["humanitarian law", "geneva convention*", "civilian*", "child soldier*", "armed conflict*", "cluster munition*", "landmine*", "derecho internacional humanitario"]],
  ["International instruments", ["ratify", "ratification", "ratifying", "accede", "accession", "acceding", "optional protocol", "convention", "covenant", "rome statute", "reservation*", "international human rights obligations", "international instruments", "ratifier", "ratificar", "protocolo facultativo", "protocole facultatif"]],
  ["Justice", ["justice", "judiciary", "judicial", "judges", "courts", "court", "fair trial", "lawyers", "rule of law", "reconciliation", "reparation*", "good governance", "transitional justice", "rome statute", "genocide", "witchcraft", "juvenile justice", "poder judicial", "systeme judiciaire"]],
  ["Labour", ["labour", "labor", "workers", "child labour", "child labor", "domestic workers", "employment", "ilo", "begging", "forced labour", "trabajo", "travail"]],
  ["Migrants", ["migrant*", "migration", "foreigner*", "foreign workers", "immigra*", "inmigrant*", "migrante*"]],
  ["Minorities", ["minorit*", "roma", "ethnic", "caste", "albinism", "marginalized groups", "vulnerable groups", "dalit*", "minorias", "minorites"]],
  ["National plan of action", ["plan of action", "action plan", "national human rights plan", "plan d action", "plan de accion", "plan nacional"]],
  ["NHRI", ["national human rights institution*", "nhri", "paris principles", "ombudsman", "ombudsperson", "human rights commission", "defensoria del pueblo", "institution nationale des droits", "principios de paris", "principes de paris"]],
  ["Other", ["cooperation with the international community", "elderly", "older persons", "right to life", "privacy", "self determination", "statelessness", "stateless", "youth", "slavery", "missing persons", "family values", "naturalization"]],
  ["Poverty", ["poverty", "poor", "pauvrete", "pobreza"]],
  ["Public security", ["public security", "drug*", "organised crime", "organized crime", "state of emergency", "crime", "criminality", "security situation", "seguridad publica"]],
  ["Racial discrimination", ["hate crime*", "hate speech", "hate motivated", "racial*", "racism", "racist", "xenophob*", "ethnic discrimination", "cerd", "durban", "racisme", "racismo", "discriminacion racial"]],
  ["Right to education", ["education", "school*", "literacy", "illiteracy", "enrolment", "enrollment", "educacion", "ecole*", "escuela*"]],
  ["Right to food", ["food", "hunger", "malnutrition", "nutrition", "alimentation", "alimentacion", "alimentaria"]],
  ["Right to health", ["health", "healthcare", "maternal mortality", "reproductive health", "medical", "sante", "salud"]],
  ["Right to housing", ["housing", "forced evictions", "eviction*", "homeless*", "logement", "vivienda"]],
  ["Right to land", ["land", "land rights", "land reform", "tierra*", "foncier*"]],
  ["Right to water", ["water", "sanitation", "agua", "eau", "assainissement", "saneamiento"]],
  ["Rights of the Child", ["child", "children", "childrens", "girl*", "birth registration", "early marriage*", "child marriage", "juvenile*", "adolescen*", "minors", "crc", "enfant*", "nino*", "nina*", "infancia"]],
  ["Sexual Orientation and Gender Identity", ["sexual orientation", "gender identity", "lgbt*", "lesbian*", "gay", "homosexual*", "same sex", "transgender", "intersex", "orientation sexuelle", "orientacion sexual"]],
  ["Special procedures", ["special procedures", "special rapporteur*", "standing invitation", "working group on", "independent expert", "procedures speciales", "procedimientos especiales", "relator* especial", "rapporteur* special"]],
  ["Technical assistance and cooperation", ["technical assistance", "technical cooperation", "capacity building", "international assistance", "support by the international community", "assistance technique", "asistencia tecnica"]],
  ["Torture and other CID treatment", ["torture", "ill treatment", "cruel inhuman", "degrading treatment", "corporal punishment", "female genital mutilation", "fgm", "harmful practices", "taser*", "cat", "tortura", "malos tratos", "mauvais traitements"]],
  ["Trafficking", ["trafficking", "trafficked", "traite", "trata", "smuggling"]],
  ["Treaty bodies", ["treaty bod*", "committee against torture", "committee on the rights", "committee on the elimination", "human rights committee", "concluding observations", "periodic report*", "overdue report*", "cedaw committee", "organes conventionnels", "organos de tratados"]],
  ["UPR process", ["universal periodic review", "upr", "follow up to the review", "mid term report", "epu", "examen periodique universel", "examen periodico universal"]],
  ["Women's rights", ["women", "woman", "gender", "girls", "domestic violence", "abortion", "maternal", "cedaw", "family code", "honour crimes", "honor crimes", "forced marriage*", "marital rape", "femmes", "mujeres", "genero", "femicid*", "feminicid*"]],
];

let matcher: KeywordMatcher | undefined;

/**
 * The keyword matcher for UPR Info issues (compiled once).
 * @example
 * issueMatcher().match(tokenize("Abolish the death penalty")); // Map { "Death penalty" => ["death penalty"] }
 */
export function issueMatcher(): KeywordMatcher {
  matcher ??= new KeywordMatcher(ISSUE_KEYWORDS);
  return matcher;
}

/**
 * Issues about a group of persons, and what names the group: its v1 person groups (keywords and
 * treaties, person-rules.ts) or phrases that imply it. UPR Info's coders also give such an issue to
 * texts that do not name the group (half of its recommendations on rape have "Rights of the Child");
 * a label a person can check against the text needs the group in it.
 */
export const ISSUE_GROUPS: ReadonlyMap<string, { persons: readonly string[]; phrases: readonly string[] }> = new Map([
  ["Rights of the Child", { persons: ["Children", "Girls", "Children in street situations", "Youth"], phrases: ["juvenile*", "birth registration", "corporal punishment", "school*", "orphan*", "adoption", "early marriage*", "child marriage*", "age of marriage", "minimum age", "criminal responsibility", "pupils", "infant*", "newborn*", "unaccompanied"] }],
  ["Women's rights", { persons: ["Women", "Girls", "Rural women"], phrases: ["rape", "sexual violence", "domestic violence", "gender based violence", "female genital*", "fgm", "dowry", "honour crime*", "honor crime*", "polygamy", "sexual harassment", "forced marriage*", "early marriage*", "child marriage*", "abortion", "femicid*", "feminicid*"] }],
  ["Disabilities", { persons: ["Persons with disabilities"], phrases: [] }],
  ["Migrants", { persons: ["Migrants", "Non-citizens"], phrases: ["foreigners", "foreign nationals", "domestic workers"] }],
  ["Indigenous peoples", { persons: ["Indigenous peoples"], phrases: [] }],
  ["Minorities", { persons: ["Minorities / racial, ethnic, linguistic, religious or descent-based groups"], phrases: ["tribal", "albinism", "albinos", "religious groups"] }],
  ["Sexual Orientation and Gender Identity", { persons: ["Lesbian, gay, bisexual and transgender and intersex persons (LGBTI)"], phrases: ["yogyakarta", "same sex", "sexual minorit*", "gender change", "legal gender", "transsexual*", "transexual*"] }],
  ["HIV - Aids", { persons: ["Persons living with HIV/AIDS"], phrases: ["antiretroviral", "anti retroviral", "sexually transmitted"] }],
  ["Asylum-seekers - refugees", { persons: ["Refugees & asylum seekers"], phrases: ["non refoulement", "boat people"] }],
  ["Internally displaced persons", { persons: ["Internally displaced persons"], phrases: ["displacement", "displaced"] }],
  ["Human rights defenders", { persons: ["Human rights defenders"], phrases: ["human rights advocacy", "promote human rights"] }],
]);

let groupPhrases: KeywordMatcher | undefined;

/**
 * The issues of a list whose group of persons the text names (issues about no group pass).
 * @example
 * gateIssues(["Rights of the Child", "Women's rights"], analyzeText("Define rape by the lack of consent").tokens, personHits(...)); // ["Women's rights"]
 */
export function gateIssues<T extends { label: string }>(labels: readonly T[], tokens: readonly string[], persons: ReadonlyMap<string, unknown>): T[] {
  groupPhrases ??= new KeywordMatcher([...ISSUE_GROUPS].map(([issue, g]) => [issue, g.phrases] as const));
  let implied: Map<string, string[]> | null = null;
  return labels.filter(({ label }) => {
    const g = ISSUE_GROUPS.get(label);
    if (!g || g.persons.some((p) => persons.has(p))) return true;
    implied ??= groupPhrases!.match(tokens);
    return implied.has(label);
  });
}
