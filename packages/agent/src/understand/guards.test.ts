import { describe, expect, it } from "vitest";
import { context } from "./fixtures.test-support.ts";
import { detectLanguage, understand } from "./index.ts";

const ctx = context();

describe("auto-replies, abuse and spam", () => {
  it.each([
    "I'm Driving - I'm driving with notifications silenced. I'll see your message when I get where I'm going.",
    "This is an automated message. Please do not reply.",
    "Out of office until Monday, I will respond when I return",
    "Auto-reply: I am on vacation until the 12th",
    "Free Msg: Your message could not be delivered",
    "Respuesta automática: estoy manejando",
  ])("auto-reply: %s", (text) => {
    expect(understand(text, ctx).autoReply).toBe(true);
  });

  it.each([
    "fuck you",
    "you guys are a bunch of idiots",
    "I'm going to find you and hurt you",
    "pinches pendejos",
    "you're useless morons",
  ])("abusive: %s", (text) => {
    expect(understand(text, ctx).abusive).toBe(true);
  });

  it.each([
    "Congratulations! You've won a $500 gift card, click here to claim",
    "Get your business funding approved today, up to $250k",
    "Earn $5000 a week with crypto trading, visit www.bestcoins.xyz",
    "We can rank your website on Google page 1, more customers guaranteed",
    "Limited time offer 50% off! https://deals.example.top",
  ])("spam: %s", (text) => {
    expect(understand(text, ctx).spam).toBe(true);
  });

  it("keeps false positives low", () => {
    const complaint = understand("this is fucking ridiculous, you scratched my car", ctx);
    expect(complaint.intents[0]).toBe("complaint");
    expect(complaint.abusive).toBe(false);
    const both = understand("you idiots scratched my car, I want a refund", ctx);
    expect(both.intents[0]).toBe("complaint");
    expect(both.abusive).toBe(true);
    for (const text of [
      "I'm driving over there now, see you at 3",
      "here's a photo of the stain https://photos.app.goo.gl/abc123",
      "can I get a detail saturday",
      "damn, I forgot, can we reschedule",
      "please don't reply after 9pm, thanks",
    ]) {
      const reading = understand(text, ctx);
      expect([reading.autoReply, reading.abusive, reading.spam], text).toEqual([false, false, false]);
    }
  });
});

describe("language", () => {
  it.each([
    ["quiero una cita para el sábado", "es"],
    ["¿cuánto cuesta?", "es"],
    ["can I get a wash tomorrow", "en"],
    ["hola, can u do mañana a las 3?", "es"],
    ["ok", "en"],
    ["bonjour", "en"],
    ["", "en"],
  ])("%s → %s", (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});

describe("bad input never throws", () => {
  const weird = [
    "",
    "   ",
    "🚗🚗🚗🔥",
    "\u0000\u0007\u001b[31mhi\u0000",
    "x".repeat(5000),
    `can you come saturday at 10 ${"blah ".repeat(400)}`,
    "这是什么",
    "Привет, сколько стоит?",
    "\ud800 lone surrogate",
    "12/45/9999 at 99:99",
    "after 99 before 77 between 55 and 66",
    "the 31st of february",
  ];
  it.each(weird.map((w) => [w.slice(0, 30), w]))("%s", (_label, text) => {
    const reading = understand(text, ctx);
    expect(reading.intents.length).toBeGreaterThan(0);
    expect(["en", "es"]).toContain(reading.language);
    if (reading.window) expect(reading.window.from.getTime()).toBeGreaterThanOrEqual(ctx.now.getTime());
  });

  it("reads unknown languages and empty texts as other, in English", () => {
    for (const text of ["", "这是什么", "🚗", "Привет"]) {
      const reading = understand(text, ctx);
      expect(reading.intents).toEqual(["other"]);
      expect(reading.language).toBe("en");
    }
  });

  it("reads a long text's request near its start", () => {
    const reading = understand(
      `can I book a complete detail saturday at 10? ${"my car is very dirty. ".repeat(80)}`,
      ctx,
    );
    expect(reading.intents[0]).toBe("book");
    expect(reading.window?.exact).not.toBeNull();
  });

  it("survives a context with odd values", () => {
    const odd = context({ timeZone: "Mars/Olympus", services: [], addOns: [], faqs: [] });
    expect(understand("sat at 10", odd).window).toBeNull();
    expect(understand("sat at 10", { ...odd, now: new Date(Number.NaN) }).intents.length).toBeGreaterThan(0);
  });

  it("is fast: a typical text in well under a few milliseconds", () => {
    const texts = ["can I get a detail sat at 10", "yes", "how much for a wash", "quiero una cita el sábado a las 3"];
    for (const t of texts) understand(t, ctx);
    const start = performance.now();
    for (let i = 0; i < 50; i++) for (const t of texts) understand(t, ctx);
    const perText = (performance.now() - start) / (50 * texts.length);
    // A loose bound: the machine running the tests is shared; the typical figure is ~0.5 ms.
    expect(perText).toBeLessThan(5);
  });
});
