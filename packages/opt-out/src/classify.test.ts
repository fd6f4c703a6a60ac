import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyConsent, HELP_KEYWORDS, OPT_IN_KEYWORDS, OPT_OUT_KEYWORDS } from "./classify.ts";

/** A keyword as a person might type it: random case, spaces/tabs/newlines around it, trailing punctuation. */
const typed = (keyword: string) =>
  fc
    .record({
      flips: fc.array(fc.boolean(), { minLength: keyword.length, maxLength: keyword.length }),
      before: fc.stringMatching(/^[ \t\n]{0,3}$/),
      after: fc.stringMatching(/^[ \t\n]{0,3}$/),
      punctuation: fc.constantFrom("", ".", "!", "!!!", "?", " .", "!?", ",", ";", ":"),
      quoted: fc.boolean(),
    })
    .map(({ flips, before, after, punctuation, quoted }) => {
      const word = [...keyword].map((c, i) => (flips[i] ? c.toLowerCase() : c.toUpperCase())).join("");
      const core = quoted ? `"${word}"` : word;
      return `${before}${core}${punctuation}${after}`;
    });

describe("classifyConsent: keywords (M1, Twilio's defaults)", () => {
  it("lists exactly Twilio's default keywords", () => {
    expect([...OPT_OUT_KEYWORDS].sort()).toEqual([
      "CANCEL",
      "END",
      "OPTOUT",
      "QUIT",
      "REVOKE",
      "STOP",
      "STOPALL",
      "UNSUBSCRIBE",
    ]);
    expect([...OPT_IN_KEYWORDS].sort()).toEqual(["START", "UNSTOP", "YES"]);
    expect([...HELP_KEYWORDS].sort()).toEqual(["HELP", "INFO"]);
  });

  it.each(OPT_OUT_KEYWORDS)(
    "%s opts out in any case, with surrounding whitespace and trailing punctuation",
    (keyword) => {
      expect(classifyConsent(keyword)).toMatchObject({ kind: "opt_out", source: "keyword", keyword });
      fc.assert(
        fc.property(typed(keyword), (body) => {
          expect(classifyConsent(body)).toMatchObject({ kind: "opt_out", source: "keyword", keyword });
        }),
        { numRuns: 200 },
      );
    },
  );

  it.each(OPT_IN_KEYWORDS)("%s opts back in in any case and spacing", (keyword) => {
    expect(classifyConsent(keyword)).toMatchObject({ kind: "opt_in", keyword });
    fc.assert(
      fc.property(typed(keyword), (body) => {
        expect(classifyConsent(body)).toMatchObject({ kind: "opt_in", keyword });
      }),
      { numRuns: 200 },
    );
  });

  it.each(HELP_KEYWORDS)("%s asks for help in any case and spacing", (keyword) => {
    expect(classifyConsent(keyword)).toMatchObject({ kind: "help", keyword });
    fc.assert(
      fc.property(typed(keyword), (body) => {
        expect(classifyConsent(body)).toMatchObject({ kind: "help", keyword });
      }),
      { numRuns: 200 },
    );
  });

  it("handles a few literal variants", () => {
    expect(classifyConsent("stop")).toMatchObject({ kind: "opt_out", source: "keyword", keyword: "STOP" });
    expect(classifyConsent("  Stop.  ")).toMatchObject({ kind: "opt_out", source: "keyword", keyword: "STOP" });
    expect(classifyConsent("\tunsubscribe!\n")).toMatchObject({
      kind: "opt_out",
      source: "keyword",
      keyword: "UNSUBSCRIBE",
    });
    expect(classifyConsent("OptOut")).toMatchObject({ kind: "opt_out", source: "keyword", keyword: "OPTOUT" });
    expect(classifyConsent("“STOP”")).toMatchObject({ kind: "opt_out", source: "keyword", keyword: "STOP" });
    expect(classifyConsent("Yes")).toMatchObject({ kind: "opt_in", keyword: "YES" });
    expect(classifyConsent("yes!")).toMatchObject({ kind: "opt_in", keyword: "YES" });
    expect(classifyConsent("unstop")).toMatchObject({ kind: "opt_in", keyword: "UNSTOP" });
    expect(classifyConsent(" info ")).toMatchObject({ kind: "help", keyword: "INFO" });
  });

  it("only a single word is a keyword: a keyword inside a sentence is not (unless it is a revocation)", () => {
    // Twilio's own filter is single-word; "yes, Tuesday works" is an answer, not a re-subscription.
    expect(classifyConsent("yes, Tuesday works")).toMatchObject({ kind: "none" });
    expect(classifyConsent("start at 9?")).toMatchObject({ kind: "none" });
    expect(classifyConsent("help me book a detail")).toMatchObject({ kind: "none" });
    expect(classifyConsent("STOPS")).toMatchObject({ kind: "none" });
    expect(classifyConsent("ending")).toMatchObject({ kind: "none" });
    expect(classifyConsent("")).toMatchObject({ kind: "none" });
    expect(classifyConsent("   ")).toMatchObject({ kind: "none" });
  });

  it("random words that are not keywords never classify as keywords", () => {
    const all = new Set<string>([...OPT_OUT_KEYWORDS, ...OPT_IN_KEYWORDS, ...HELP_KEYWORDS]);
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-zA-Z]{1,12}$/).filter((w) => !all.has(w.toUpperCase())),
        (word) => {
          const intent = classifyConsent(word);
          expect(intent.kind === "opt_out" && intent.source === "keyword").toBe(false);
          expect(intent.kind).not.toBe("opt_in");
          expect(intent.kind).not.toBe("help");
        },
      ),
      { numRuns: 500 },
    );
  });
});

/** Plain-language revocations (FCC 24-18 "any reasonable means"; notes M2): all must opt out. */
const REVOCATIONS = [
  "please stop texting me",
  "Please stop texting me.",
  "stop texting me",
  "Stop txting me!!",
  "no more texts",
  "No more texts please",
  "no more messages",
  "no more marketing texts",
  "stop please",
  "Stop, please.",
  "please stop",
  "pls stop",
  "STOP NOW!!",
  "stop stop stop",
  "Stop it",
  "stop, thank you",
  "unsubscribe me",
  "Unsubscribe me please",
  "I'd like to unsubscribe",
  "opt me out",
  "I want to opt out",
  "opt-out",
  "take me off your list",
  "Take me off your texting list please",
  "remove me from your list",
  "Please remove me from this list.",
  "remove me from your mailing list",
  "remove my number from your system",
  "delete my number",
  "remove me",
  "Remove me please",
  "don't text me again",
  "Don’t text me anymore",
  "dont txt me",
  "do not contact me",
  "Do not text this number",
  "never text me again",
  "please don't message me anymore",
  "wrong number",
  "Sorry, wrong number",
  "I don't want these messages",
  "I do not want any more texts",
  "I don't want your texts",
  "stop contacting me",
  "stop messaging me",
  "stop sending me texts",
  "Please stop sending me these messages",
  "stop sending messages to this number",
  "quit texting me",
  "Stop the texts",
  "stop all messages",
  "cease all contact",
  "leave me alone",
  "lose my number",
  "I'm not interested, stop texting",
  "Why do you keep texting me? Stop.",
  "Not interested. Remove me",
  "stop spamming me",
  "can you stop texting me",
] as const;

/** Messages a service business gets every day that must NOT opt anyone out. */
const NEAR_MISSES = [
  "stop by at 3pm?",
  "Can I stop by tomorrow for a quote?",
  "can you stop at the gas station first",
  "STOP BY ANYTIME",
  "I want to cancel my appointment",
  "please cancel my 3pm and rebook for friday",
  "cancel the wax, keep the wash",
  "what time do you end today?",
  "When does the promo end?",
  "end of month works for me",
  "don't stop doing great work",
  "is the bus stop near you?",
  "Stop sign on the corner, turn left there",
  "the car alarm won't stop beeping",
  "the noise stopped after you fixed it",
  "yes, Tuesday works",
  "yes please",
  "start at 9?",
  "Text me when you start",
  "help me book a detail",
  "info on pricing?",
  "Can you text me when you're on the way?",
  "will you message me before you come?",
  "Don't forget to text me the price",
  "why don't you text me the address",
  "I'll end up texting you later",
  "at the end of the day, text me the total",
  "stop by and text me when you're outside",
  "take me off the schedule for friday, I'll rebook",
  "can you remove me from the 3pm slot and put me at 5?",
  "I got your message, thanks!",
  "Please send me the booking link",
  "My husband quit his job so we need the cheaper package",
  "is the sms reminder free?",
  "Hi, I'd like to book a full detail",
  "Does the ceramic coat stop water spots?",
] as const;

describe("classifyConsent: plain-language revocations (M2)", () => {
  it(`has a corpus of at least 40 revocations and 25 near misses`, () => {
    expect(REVOCATIONS.length).toBeGreaterThanOrEqual(40);
    expect(NEAR_MISSES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(REVOCATIONS)("opts out: %j", (body) => {
    expect(classifyConsent(body).kind).toBe("opt_out");
  });

  it("multi-word revocations are free text, not keywords", () => {
    for (const body of REVOCATIONS.filter((b) => /\s/.test(b.trim()))) {
      expect(classifyConsent(body), body).toMatchObject({ kind: "opt_out", source: "free_text" });
    }
  });

  it.each(NEAR_MISSES)("is not an opt-out: %j", (body) => {
    expect(classifyConsent(body)).toMatchObject({ kind: "none" });
  });

  it("revocations survive case changes and trailing punctuation", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REVOCATIONS),
        fc.boolean(),
        fc.constantFrom("", ".", "!", "!!", " 🙏", " thanks"),
        (body, upper, tail) => {
          const text = (upper ? body.toUpperCase() : body.toLowerCase()) + tail;
          expect(classifyConsent(text).kind).toBe("opt_out");
        },
      ),
      { numRuns: 300 },
    );
  });

  it("template revocations: <polite> <verb> <object> <tail>", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("", "please ", "pls ", "can you ", "hey, "),
        fc.constantFrom(
          "stop texting me",
          "stop messaging me",
          "stop sending me texts",
          "quit texting me",
          "don't text me",
          "do not message me",
          "take me off your list",
          "remove me from your list",
          "unsubscribe me",
          "no more texts",
        ),
        fc.constantFrom("", " please", " thanks", " now", " again", " anymore", "!"),
        (polite, core, tail) => {
          expect(classifyConsent(`${polite}${core}${tail}`).kind).toBe("opt_out");
        },
      ),
      { numRuns: 300 },
    );
  });

  it("template near misses: stopping by, cancelling a booking, start/yes answers", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          "can I stop by",
          "I'll stop by",
          "stop by",
          "I need to cancel my appointment",
          "cancel my booking",
          "yes,",
          "start",
          "what time do you end",
          "will you text me",
        ),
        fc.constantFrom(" at 3pm?", " tomorrow", " on friday", " around noon", " after work?", " this week"),
        (head, tail) => {
          expect(classifyConsent(`${head}${tail}`)).toMatchObject({ kind: "none" });
        },
      ),
      { numRuns: 200 },
    );
  });
});
