import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  editDistance,
  emailKey,
  emailsOneTypoApart,
  gmailMailbox,
  intendedDomain,
  matchCustomers,
  nameKey,
  streetKey,
} from "./matching.ts";

const nanp = fc
  .tuple(
    fc.integer({ min: 2, max: 9 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 2, max: 9 }),
    fc.integer({ min: 0, max: 999_999 }),
  )
  .map(([a, b, c, d]) => `+1${a}${String(b).padStart(2, "0")}${c}${String(d).padStart(6, "0")}`);
const word = fc.stringMatching(/^[a-z]{2,8}$/);
const local = fc.stringMatching(/^[a-z][a-z0-9]{2,10}$/);
const domain = fc.constantFrom("example.com", "shop.test", "mail.example.org");

/** The ways one number is typed: E.164, dashes, parentheses, dots. */
const typed = (e164: string) => {
  const d = e164.slice(2);
  return fc.constantFrom(
    e164,
    `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
    `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`,
    `1-${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  );
};

describe("matching rules", () => {
  it("a shared phone, however it was typed, primary or other, is a certain match", () => {
    fc.assert(
      fc.property(nanp, nanp, nanp, fc.boolean(), (shared, other1, other2, asAlt) => {
        fc.pre(new Set([shared, other1, other2]).size === 3);
        const a = { phone: shared };
        const b = asAlt ? { phone: other1, altPhones: [other2, shared] } : { phone: shared };
        const match = matchCustomers(a, b);
        expect(match?.level).toBe("certain");
        expect(match?.reasons).toContain("phone");
      }),
    );
    fc.assert(
      fc.property(
        nanp.chain((p) => fc.tuple(fc.constant(p), typed(p))),
        ([e164, written]) => {
          expect(matchCustomers({ phone: e164 }, { phone: "+15125550000", altPhones: [written] })?.reasons).toEqual([
            "phone",
          ]);
        },
      ),
    );
  });

  it("the same email in any letter case is certain; different phones and emails alone are no match", () => {
    fc.assert(
      fc.property(local, domain, nanp, nanp, (l, d, p1, p2) => {
        fc.pre(p1 !== p2);
        const email = `${l}@${d}`;
        expect(matchCustomers({ phone: p1, email }, { phone: p2, email: ` ${email.toUpperCase()} ` })).toEqual({
          level: "certain",
          reasons: ["email"],
        });
        expect(matchCustomers({ phone: p1, email }, { phone: p2, email: `x${email}` })).toBeNull();
      }),
    );
  });

  it("the same name with the same street, or an email one typo away, is likely; the same name alone is nothing", () => {
    fc.assert(
      fc.property(
        word,
        word,
        fc.integer({ min: 1, max: 9999 }),
        word,
        nanp,
        nanp,
        (first, last, no, street, p1, p2) => {
          fc.pre(p1 !== p2);
          const a = { phone: p1, name: `${first} ${last}`, address: `${no} ${street} Street` };
          const b = { phone: p2, name: `${last.toUpperCase()}, ${first}`, address: `${no} ${street} st.` };
          expect(matchCustomers(a, b)).toEqual({ level: "likely", reasons: ["name_street"] });
          expect(matchCustomers(a, { ...b, address: `${no + 1} ${street} St` })).toBeNull();
        },
      ),
    );
    fc.assert(
      fc.property(word, local, domain, nanp, nanp, fc.integer({ min: 0, max: 20 }), (name, l, d, p1, p2, at) => {
        fc.pre(p1 !== p2);
        const i = at % l.length;
        const typo = `${l.slice(0, i)}${l[i] === "q" ? "w" : "q"}${l.slice(i + 1)}`;
        const match = matchCustomers(
          { phone: p1, name, email: `${l}@${d}` },
          { phone: p2, name, email: `${typo}@${d}` },
        );
        expect(match).toEqual({ level: "likely", reasons: ["name_email_typo"] });
      }),
    );
  });

  it("is symmetric", () => {
    const customer = fc.record({
      phone: nanp,
      altPhones: fc.array(nanp, { maxLength: 2 }),
      email: fc.option(fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`)),
      name: fc.option(fc.constantFrom("Jo Park", "Park, Jo", "Lee Chan")),
      address: fc.option(fc.constantFrom("4 Elm Street", "4 elm st", "9 Oak Ave")),
    });
    fc.assert(
      fc.property(customer, customer, (a, b) => {
        expect(matchCustomers(a, b)).toEqual(matchCustomers(b, a));
      }),
    );
  });

  it("keys", () => {
    expect(nameKey("  Smith, John ")).toBe("john smith");
    expect(nameKey("...")).toBeNull();
    expect(streetKey("12 North Oak Street, Apartment 4")).toBe("12 n oak st apt 4");
    expect(emailKey("  Jo@Example.COM ")).toBe("jo@example.com");
    expect(emailKey("  ")).toBeNull();
  });

  it("email typos: one edit in the name, a known provider misspelt, one Gmail mailbox spelled two ways", () => {
    expect(emailsOneTypoApart("jon@example.com", "john@example.com")).toBe(true);
    expect(emailsOneTypoApart("john@gmial.com", "john@gmail.com")).toBe(true);
    expect(emailsOneTypoApart("john@gmai.com", "john@gmail.com")).toBe(true);
    expect(emailsOneTypoApart("j.o.hn+shop@gmail.com", "john@googlemail.com")).toBe(true);
    expect(emailsOneTypoApart("john@example.com", "john@example.com")).toBe(false);
    expect(emailsOneTypoApart("john@example.com", "mary@example.com")).toBe(false);
    // Dots are part of the address at other providers.
    expect(emailsOneTypoApart("j.o.hn@example.com", "john@example.com")).toBe(false);
    expect(gmailMailbox("john@example.com")).toBeNull();
    expect(intendedDomain("hotmial.com")).toBe("hotmail.com");
    expect(intendedDomain("example.com")).toBe("example.com");
  });

  it("edit distance is a metric on small strings and stops early past its bound", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        const d = editDistance(a, b);
        expect(d).toBe(editDistance(b, a));
        expect(d === 0).toBe(a === b);
        expect(editDistance(a, b, 1)).toBe(Math.min(d, 2));
      }),
    );
  });
});
