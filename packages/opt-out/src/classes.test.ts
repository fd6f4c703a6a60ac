/**
 * The classes fixed after the blind held-out runs, each with what it must take and what it must leave:
 * a rule that generalises is also a rule that can over-reach, so every class has its near misses here.
 */
import { describe, expect, it } from "vitest";
import { classifyConsent } from "./classify.ts";
import { normalise } from "./normalise.ts";

const kind = (text: string) => classifyConsent(text).kind;
const caught = (text: string) => ["opt_out", "review"].includes(kind(text));

describe("normalisation classes", () => {
  it("reads a stop-sign emoji as stop, and only as a word", () => {
    for (const text of ["🛑", "🛑🛑", "⛔️", "🛑 no more", "🚫 texts pls", "unsubscribe remove me"])
      expect(kind(text), text).toBe("opt_out");
    for (const text of ["🛑 sign at the corner, park past it", "the 🛑 by the driveway is bent"])
      expect(kind(text), text).toBe("none");
  });

  it("joins words a voice-to-text engine split, only into the words it splits", () => {
    expect(normalise("please stop tex ting me").text).toBe("please stop texting me");
    expect(normalise("un subscribe").text).toBe("unsubscribe");
    expect(normalise("no more").text).toBe("no more");
    expect(kind("please stop mes sages")).toBe("opt_out");
  });

  it("expands run-together and sound-spelled shorthand, and # after a possessive", () => {
    expect(normalise("nomore msgs").text).toBe("no more msgs");
    expect(normalise("dont txt me no mo").text).toBe("dont txt me no more");
    expect(normalise("opt me outta this").text).toBe("opt me out of this");
    expect(kind("delete my #")).toBe("opt_out");
    expect(kind("text me at my # 555 1234")).toBe("none");
    expect(kind("please remove my # from the old account")).toBe("none");
  });

  it("treats but / pero / mais as a clause boundary", () => {
    expect(normalise("take me off the email list but keep the texts").clauses).toHaveLength(2);
    expect(kind("can you take me off the email list but keep the texts?")).toBe("none");
    expect(kind("I get your emails but stop the texts")).toBe("opt_out");
  });
});

describe("revocation classes", () => {
  it.each([
    ["keyword, courtesy, then a reason", "stop please I dont want them", "PARAR por favor ya no quiero"],
    ["permission to stop", "u can stop now", "you may stop texting now"],
    ["accusation and threat", "this is harassment", "I'm going to report this as spam"],
    ["conditional threat", "if you text me again I'll call the police", "si me vuelven a escribir los reporto"],
    ["third person", "this number doesn't want your messages", "she doesn't want these texts"],
    ["passive and causative removal", "I want to be removed from all communications", "please have me taken off"],
    ["gerund removal", "would you mind taking me off your SMS list?", "removing me from your list would be great"],
    ["idiom verbs", "cut it out with the texts already", "knock it off with the messages"],
    ["legal", "cease and desist all text communication", "please cease all further written correspondence"],
    ["'want you to' negation of contact", "I don't want you to text me anymore", "don't you ever text me again"],
    ["Spanish subjunctive and Spanglish", "le agradecería que no me enviara más mensajes", "ya no me mandes texts"],
    ["Spanish filler between verb and de", "para ya de escribirme", "dejen por favor de mandarme mensajes"],
    ["Québec negation without ne", "j'veux pu de tes messages", "contactez-moi plus"],
    ["French infinitive with pronoun", "veuillez me retirer de vos contacts", "pouvez-vous m'enlever de la liste"],
    ["French said-stop", "combien de fois faut-il vous dire d'arrêter", "je vous ai déjà dit d'arrêter"],
    ["texts named by a pronoun", "How do I make these texts stop? Please stop them", "make it stop"],
    ["said-stop with fillers", "i told u already stop", "I already told you twice to stop"],
    ["a sentence ending in a bare stop", "i didnt sign up for this stop", "who is this stop"],
    ["refrain / desist from", "Kindly refrain from sending further messages"],
    ["'all' after a keyword", "END ALL", "unsubscribe all"],
    ["ethical dative and 'plus jamais'", "arrêtez-moi ces textos", "plus jamais de messages svp"],
    ["Spanish pronoun-attached imperatives", "ya no me interesa, bórrenme", "sáquenme por favor"],
    ["Spanish filler before de", "basta ya de mensajes por favor", "no molesten"],
  ])("%s", (_cls, ...texts) => {
    for (const text of texts) expect(caught(text), text).toBe(true);
  });
});

describe("near misses those classes must leave alone", () => {
  it.each([
    ["a take-back after the courtesy", "stop please I love these texts"],
    ["permission to stop by", "you can stop by now", "you can stop the wash now"],
    ["a report that is not about us", "I'll report the leak to my landlord", "block out the afternoon for me"],
    ["a conditional that is a request", "if you text me again with the time that'd be great"],
    ["removal from something else", "I need to be removed from the waitlist", "I want off the waitlist"],
    ["negation past fillers", "I don't want you to stop texting me", "dont u dare stop sending me coupons"],
    ["quoting the instructions", "the text said reply STOP to opt out, I don't want to", "reply stop to opt out"],
    ["another channel's object", "Can you stop sending the paper invoices? Text is fine"],
    ["Québec 'lâche-moi' as call me", "lâche-moi un coup de fil demain"],
    [
      "French 'plus' meaning more or later",
      "envoyez-moi plus de photos",
      "contactez-moi plus tard",
      "écris-moi plus souvent",
    ],
    ["Spanish past tense", "no me mandaron nada", "si me vuelven a escribir el precio mejor"],
    ["French 'pu' from pouvoir", "j'ai pu venir hier"],
    ["praise by intensifier", "arrête! c'est tellement beau", "¡para! quedó muy bonito", "Stop, so good"],
    ["negation of cancel / unsubscribe", "no, no cancelen los mensajes", "ne me désinscrivez pas svp"],
  ])("%s", (_cls, ...texts) => {
    for (const text of texts) expect(kind(text), text).not.toBe("opt_out");
  });

  it.each([
    ["a hypothetical", "If I unsubscribe will I lose my points?", "what if I reply stop?"],
    [
      "a stop that is a correction",
      "stop! I forgot to mention the dog hair",
      "Halt! Don't move the car, I left my phone inside",
    ],
    [
      "some texts stopped, others kept",
      "please stop the reminders for my old car, I sold it. Keep the ones for the new one.",
    ],
  ])("%s", (_cls, ...texts) => {
    for (const text of texts) expect(kind(text), text).not.toBe("opt_out");
  });

  it("sends the ambiguous middle to staff", () => {
    // Standard French "I want more reminders", Québec "I want no more": staff decide.
    expect(kind("je veux plus de rappels")).toBe("review");
    // A courteous "stop" beside booking talk: stop what?
    expect(kind("stop please, can we do 4pm")).toBe("review");
  });

  it("answers a help keyword with a courtesy word, but opts in only on the exact keyword", () => {
    expect(classifyConsent("help pls")).toMatchObject({ kind: "help", keyword: "HELP" });
    expect(classifyConsent("AYUDA por favor")).toMatchObject({ kind: "help", keyword: "AYUDA" });
    expect(classifyConsent("AIDE svp")).toMatchObject({ kind: "help", keyword: "AIDE" });
    expect(kind("START please")).toBe("none");
    expect(kind("help me book a detail")).toBe("none");
  });
});
