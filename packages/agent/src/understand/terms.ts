/**
 * Content words as comparable terms, for matching a text to the business's own names (services,
 * add-ons) and questions (FAQs): stop words dropped, words stemmed, and synonyms (English, Spanish,
 * the trades' own words) folded onto one term, so "carpets", "alfombras" and "rug" meet "Carpet
 * Cleaning". A term of a text also meets a name's term one small typo away ("detial", "gutterr").
 */
import { en } from "./lexicon-en.ts";
import { es } from "./lexicon-es.ts";
import { allowedEdits, editDistance, foldAccents, stem } from "./text.ts";

/** Each group folds onto its first word. */
const SYNONYMS: string[][] = [
  [
    "price",
    "cost",
    "costs",
    "much",
    "charge",
    "rate",
    "pricing",
    "precio",
    "costo",
    "cuesta",
    "cobran",
    "cuanto",
    "fee",
  ],
  [
    "pay",
    "payment",
    "paying",
    "card",
    "cards",
    "cash",
    "venmo",
    "zelle",
    "check",
    "checks",
    "pago",
    "pagar",
    "tarjeta",
    "efectivo",
    "billing",
    "bill",
    "invoice",
    "credit",
    "debit",
  ],
  [
    "rain",
    "raining",
    "rains",
    "rainy",
    "weather",
    "snow",
    "snowing",
    "storm",
    "lluvia",
    "llueve",
    "llover",
    "clima",
    "wet",
  ],
  ["water", "agua", "hose", "spigot"],
  ["electricity", "electric", "power", "outlet", "outlets", "luz", "electricidad", "enchufe", "generator"],
  [
    "insured",
    "insurance",
    "licensed",
    "license",
    "licence",
    "bonded",
    "seguro",
    "asegurado",
    "asegurados",
    "licencia",
    "certified",
    "background",
  ],
  ["long", "duration", "tardan", "tarda", "tiempo", "dura", "hours"],
  ["cancel", "cancellation", "cancelar", "cancelacion", "reschedule", "reprogramar"],
  ["deposit", "deposito", "anticipo", "upfront"],
  ["pet", "dog", "cat", "perro", "gato", "mascota", "animal", "animals", "puppy", "pup"],
  ["home", "there", "present", "casa"],
  ["kid", "kids", "children", "child", "ninos", "nino", "baby"],
  ["travel", "area", "neighborhood", "located", "zona", "miles", "distance", "far", "cover", "serve"],
  ["supply", "supplies", "products", "productos", "chemicals", "materials", "materiales", "equipment"],
  ["stain", "stains", "manchas", "mancha", "spots", "spot"],
  ["smell", "odor", "odors", "olor", "olores", "stink", "smells"],
  ["guarantee", "warranty", "garantia", "guaranteed"],
  ["tip", "tips", "tipping", "propina"],
  ["car", "vehicle", "auto", "carro", "coche", "truck", "suv"],
  ["detail", "detailing", "detallado", "detallar"],
  ["wash", "washing", "lavado", "lavar", "lavada"],
  ["clean", "cleaning", "limpieza", "limpiar", "cleanup", "cleaned"],
  ["deep", "profunda", "profundo", "thorough"],
  ["carpet", "carpets", "rug", "rugs", "alfombra", "alfombras", "tapete"],
  ["window", "windows", "ventana", "ventanas", "vidrios", "glass"],
  ["gutter", "gutters", "canaleta", "canaletas", "canalon", "eavestrough"],
  ["lawn", "grass", "yard", "cesped", "pasto", "zacate", "jardin"],
  ["mow", "mowing", "mowed", "podar", "poda", "cortar"],
  ["pool", "piscina", "alberca"],
  ["massage", "masaje", "masajes"],
  ["groom", "grooming", "haircut", "estetica"],
  ["nail", "nails", "unas", "claws"],
  ["walk", "walking", "paseo", "pasear", "caminata"],
  ["paint", "painting", "pintar", "pintura", "repaint"],
  ["oil", "aceite"],
  ["brake", "brakes", "frenos", "freno"],
  ["battery", "bateria"],
  ["tire", "tires", "llanta", "llantas", "neumatico"],
  ["interior", "inside", "adentro", "dentro"],
  ["exterior", "outside", "afuera"],
  ["junk", "trash", "basura", "haul", "hauling"],
  ["pest", "bugs", "bichos", "plaga", "plagas", "fumigacion", "fumigar", "exterminator", "insects"],
  ["termite", "termites", "termitas"],
  ["mosquito", "mosquitoes", "mosquitos", "zancudos"],
  ["rodent", "mice", "mouse", "rats", "rat", "ratones", "ratas"],
  ["photo", "photos", "photography", "pictures", "fotos", "fotografia", "photographer", "photoshoot"],
  ["portrait", "portraits", "retrato", "retratos"],
  ["wedding", "boda"],
  ["driveway", "cochera", "entrada"],
  ["deck", "terraza"],
  ["fence", "cerca", "barda"],
  ["training", "trainer", "workout", "entrenamiento", "entrenador"],
  ["tv", "television", "tele"],
  ["mount", "mounting", "montar", "hang"],
  ["assembly", "assemble", "armar", "ikea"],
  ["furniture", "muebles"],
  ["standard", "regular", "basic", "normal", "basica", "sencilla"],
  ["complete", "full", "completo", "completa", "entire"],
  ["oven", "horno"],
  ["fridge", "refrigerator", "refri", "refrigerador", "nevera"],
  ["laundry", "ropa", "lavanderia"],
  ["ceramic", "ceramica", "ceramico"],
  ["mattress", "colchon"],
  ["upholstery", "couch", "sofa", "sillon", "tapiceria", "loveseat", "sectional"],
  ["hedge", "hedges", "shrub", "shrubs", "bushes", "arbustos", "setos"],
  ["leaf", "leaves", "hojas"],
  ["fertilization", "fertilizer", "fertilize", "weed", "weeds", "fertilizante"],
  ["engine", "motor"],
  ["inspection", "inspect", "inspeccion", "revision"],
  ["drywall", "sheetrock", "tablaroca"],
  ["move", "moving", "mudanza", "mover"],
];

const STOPWORDS = new Set([...en.stopwords, ...es.stopwords]);
const CANONICAL = new Map<string, string>();
for (const group of SYNONYMS) {
  const head = stem(group[0] as string);
  for (const word of group) CANONICAL.set(stem(foldAccents(word.toLowerCase())), head);
}

/** A word's term: stemmed, folded onto its synonym group. */
export function termOf(word: string): string {
  const stemmed = stem(word);
  return CANONICAL.get(stemmed) ?? stemmed;
}

/** The content terms of words already cleaned (text.ts) or of a name: no stop words, no one-letter words. */
export function termsOf(words: readonly string[]): string[] {
  const terms: string[] = [];
  for (const word of words) {
    if (word.length < 2 && !/\d/.test(word)) continue;
    if (STOPWORDS.has(word)) continue;
    terms.push(termOf(word));
  }
  return terms;
}

/** The words of a name or question, lower case, accents folded. */
export function wordsOf(text: string): string[] {
  return foldAccents(text.toLowerCase()).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Whether a text's term meets a name's term: the same, or a typo away (only for words of five letters or more). */
export function termsMeet(textTerm: string, nameTerm: string): boolean {
  if (textTerm === nameTerm) return true;
  const max = allowedEdits(Math.min(textTerm.length, nameTerm.length));
  return max > 0 && textTerm[0] === nameTerm[0] && editDistance(textTerm, nameTerm, max) <= max;
}

/** How telling each term is across a set of documents (inverse document frequency). */
export function weights(documents: readonly (readonly string[])[]): (term: string) => number {
  const frequency = new Map<string, number>();
  for (const document of documents)
    for (const term of new Set(document)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const count = documents.length;
  return (term) => Math.log(1 + (count + 1) / ((frequency.get(term) ?? 0) + 0.5));
}
