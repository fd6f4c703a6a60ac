import { describe, expect, it } from "vitest";
import { callerIntent, type Faq, matchFaq, tokenize } from "./faq-match.ts";

const FAQS: Faq[] = [
  {
    question: "How much does a full detail cost?",
    answer: "A full interior and exterior detail starts at 180 dollars for a sedan.",
  },
  { question: "Do you offer ceramic coating?", answer: "Yes, we apply a two-year ceramic coating, from 600 dollars." },
  { question: "Do you come to my home?", answer: "Yes, our mobile unit comes to your driveway within 20 miles." },
  { question: "What are your prices for a wash?", answer: "An exterior hand wash is 40 dollars." },
  { question: "Which services do you offer?", answer: "Washes, full details, paint correction and ceramic coating." },
];

describe("tokenize", () => {
  it("drops stop words and punctuation, and stems plurals and -ing so they meet the singular", () => {
    expect(tokenize("What are your prices?")).toEqual(["pric"]);
    expect(tokenize("price")).toEqual(tokenize("prices"));
    expect(tokenize("service")).toEqual(tokenize("services"));
    expect(tokenize("wash")).toEqual(tokenize("washes"));
    expect(tokenize("glass")).toEqual(tokenize("glasses"));
    expect(tokenize("battery")).toEqual(tokenize("batteries"));
    expect(tokenize("detail")).toEqual(tokenize("detailing"));
    expect(tokenize("detail")).toEqual(tokenize("details"));
    expect(tokenize("tire")).toEqual(tokenize("tires"));
    expect(tokenize("Hi, um, can you tell me...")).toEqual([]);
  });
});

describe("matchFaq", () => {
  it.each([
    ["how much is a full detail", FAQS[0]],
    ["What does a full detail cost?", FAQS[0]],
    ["do you guys do ceramic coatings", FAQS[1]],
    ["can you come to my house, I'm at home all day", FAQS[2]],
    ["what's the price of a wash", FAQS[3]],
    ["what prices do you have for washing", FAQS[3]],
    ["what kind of service do you offer", FAQS[4]],
  ])("%j → the matching FAQ", (speech, faq) => {
    expect(matchFaq(speech, FAQS)).toBe(faq);
  });

  it("returns null when nothing shares a question word (answer-only overlap is below the threshold)", () => {
    expect(matchFaq("do you sell pizza", FAQS)).toBeNull();
    expect(matchFaq("the weather is nice today", FAQS)).toBeNull();
    // "dollars" and "sedan" appear only in answers: 0.5 each, under the threshold of one question word.
    expect(matchFaq("sedan dollars", FAQS)).toBeNull();
    expect(matchFaq("", FAQS)).toBeNull();
    expect(matchFaq("um, hello, can you, like, tell me", FAQS)).toBeNull();
    expect(matchFaq("full detail", [])).toBeNull();
  });

  it("prefers the FAQ whose question shares the most words", () => {
    const faqs: Faq[] = [
      { question: "Do you wash boats?", answer: "No, cars only." },
      { question: "Do you wash and wax boats?", answer: "Yes, from 300 dollars." },
    ];
    expect(matchFaq("can you wash and wax my boat", faqs)).toBe(faqs[1]);
    expect(matchFaq("wash boat", faqs)).toBe(faqs[0]);
  });
});

describe("callerIntent", () => {
  it.each([
    ["I'd like to book an appointment", "booking"],
    ["can you text me a booking link", "booking"],
    ["yes please", "booking"],
    ["yeah sure", "booking"],
    ["sure", "booking"],
    ["I want to talk to a real person", "human"],
    ["a person", "human"],
    ["can I speak with the owner", "human"],
    ["representative", "human"],
    ["I'd like to leave a message", "voicemail"],
    ["voicemail", "voicemail"],
    ["what are your hours", "hours"],
    ["are you open on Sunday", "hours"],
    ["what's your address", "address"],
    ["where are you located", "address"],
    ["no thanks, that's all", "goodbye"],
    ["goodbye", "goodbye"],
    ["no", "goodbye"],
    ["Nope.", "goodbye"],
    ["I'm all set", "goodbye"],
    ["blah blah", "none"],
    ["", "none"],
  ] as const)("%j → %s", (speech, intent) => {
    expect(callerIntent(speech)).toBe(intent);
  });

  it("answers the question before treating a weak 'yes' or 'text me' as a booking request", () => {
    expect(callerIntent("yes, what are your hours?")).toBe("hours");
    expect(callerIntent("can you text me your address")).toBe("address");
    expect(callerIntent("send me directions")).toBe("address");
    expect(callerIntent("book me in for when you open")).toBe("booking");
  });

  it("'not sure' is not a yes, and 'no' inside a sentence is not a goodbye", () => {
    expect(callerIntent("I'm not sure")).toBe("none");
    expect(callerIntent("I have no idea what I need")).toBe("none");
    expect(callerIntent("no, I'd rather book for Friday")).toBe("booking");
  });
});
