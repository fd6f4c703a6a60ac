/**
 * A second blind held-out set, written after the first round of fixes and without looking at the rules
 * again: the check that those fixes generalised (issue 11 §1). Same shape as the corpus.
 */
import { type CorpusEntry, group } from "./types.ts";

export const HELD_OUT_2_EN: readonly CorpusEntry[] = [
  ...group("opt_out", "plain_language", [
    "Plz quit hitting my phone",
    "ENOUGH WITH THE TEXTS!!!",
    "I'm begging you, no more messages",
    "kindly cease all SMS communication with this number",
    "I've changed my mind about the texts, please don't send any more",
    "Stop. Just stop.",
    "Remove.",
    "delete me from ur contacts",
    "unsubcsribe",
    "Opt-out.",
    "cut it out with the texts already",
    "Please discontinue text notifications",
    "I didn't ask for these. Stop.",
    "sms opt out",
    "stop sending stuff to this phone",
    "no more promos pls 🙏",
    "🛑 texts",
    "Please don't reach out again",
    "I want to be removed from all communications",
  ]),
  ...group("opt_out", "third_party", ["my dad passed last month, this was his phone, please no more texts"]),
  ...group("opt_out", "long_mixed", [
    "Hi, I'm no longer a customer since we moved out of state. Please remove me from your texts.",
  ]),
  ...group("none", "stop_by", [
    "stop at the side door, the front is locked",
    "I'll stop at the ATM first",
    "my wife says stop by whenever",
  ]),
  ...group("none", "cancel_appointment", ["can you cancel Tuesday and do Wednesday?", "cancel that, I found my keys"]),
  ...group("none", "negation", [
    "don't cancel! I'll be there",
    "Never stop being awesome 😂",
    "Please don't take me off, I want the reminders",
  ]),
  ...group("none", "other_channel_question", [
    "How do I unsubscribe from the app notifications?",
    "will replying STOP cancel my appointment too?",
  ]),
  ...group("none", "everyday_words", [
    "the end result looks great",
    "my car won't stop making that noise",
    "quitting time is 5 so after that works",
    "no more appointments needed this month, thanks",
    "We're done with the kitchen, can you do the bathroom next?",
    "remove the roof rack before washing please",
    "ok end of the week then",
  ]),
  ...group("none", "praise", ["Stop! You're amazing 😍"]),
  ...group("help", "keyword_variant", ["Info pls"]),
];

export const HELD_OUT_2_ES: readonly CorpusEntry[] = [
  ...group("opt_out", "other_language", [
    "ya no me envíen promociones",
    "Favor de no contactarme más",
    "sáquenme de esta lista ya",
    "dejen de molestar con sus mensajes",
    "no gracias, ya no me manden nada",
    "ya estuvo, no más textos",
    "BAJA!!",
  ]),
  ...group("none", "stop_by", ["¿pueden pasar el viernes?", "paro en el súper y llego"]),
  ...group("none", "cancel_appointment", ["cancela mi reservación del domingo", "no, no cancelen la cita"]),
  ...group("none", "other_channel_question", ["¿Cómo dejo de recibir los correos?"]),
  ...group("none", "praise", ["¡no paren, está quedando increíble!"]),
  ...group("none", "everyday_words", ["para las 4 está bien", "¿Me pueden bajar el precio?"]),
];

export const HELD_OUT_2_FR: readonly CorpusEntry[] = [
  ...group("opt_out", "other_language", [
    "svp cessez tout envoi de SMS",
    "veuillez me retirer de vos contacts",
    "je veux plus rien recevoir de vous",
    "arrêtez vos pubs svp",
    "écrivez-moi plus jamais",
    "désabonnement svp",
    "Je ne suis plus client, merci de ne plus m'écrire",
  ]),
  ...group("none", "stop_by", ["je vais arrêter en passant vers 14h"]),
  ...group("none", "cancel_appointment", ["annulez le rendez-vous de mardi svp"]),
  ...group("none", "negation", ["surtout, n'arrêtez pas les textos"]),
  ...group("none", "other_channel_question", ["comment se désabonner des courriels?"]),
  ...group("none", "praise", ["arrête! c'est tellement beau", "stop, stop, c'est parfait comme ça"]),
  ...group("none", "everyday_words", [
    "fin de semaine prochaine?",
    "le lavage est fini? je passe",
    "je lâche le travail à 5h",
  ]),
];

export const HELD_OUT_2: readonly CorpusEntry[] = [...HELD_OUT_2_EN, ...HELD_OUT_2_ES, ...HELD_OUT_2_FR];
export const HELD_OUT_2_BY_LANGUAGE = { en: HELD_OUT_2_EN, es: HELD_OUT_2_ES, fr: HELD_OUT_2_FR } as const;
