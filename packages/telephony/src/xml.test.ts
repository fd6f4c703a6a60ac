import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { escapeXmlAttribute, escapeXmlText, renderDocument, renderElement, stripInvalidXmlChars } from "./xml.ts";

// htmlEntities: also decode numeric character references (&#9;), as every XML reader must.
const parser = new XMLParser({
  htmlEntities: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
});

/** Round trip: the text and the attribute as a real XML parser reads them back. */
function readBack(value: string): { text: string; attribute: string } {
  const xml = renderDocument({
    name: "Response",
    attributes: {},
    children: [{ name: "Say", attributes: { a: value }, children: [value] }],
  });
  expect(XMLValidator.validate(xml)).toBe(true);
  const say = (parser.parse(xml) as { Response: { Say: { "#text"?: string; a: string } | string } }).Response.Say;
  return typeof say === "string" ? { text: say, attribute: "" } : { text: say["#text"] ?? "", attribute: say.a };
}

describe("escaping", () => {
  it("escapes the five XML special characters in text and attributes", () => {
    expect(escapeXmlText(`<a href="x">Tom & Jerry's</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;",
    );
    expect(escapeXmlAttribute(`"'<>&`)).toBe("&quot;&apos;&lt;&gt;&amp;");
  });

  it("keeps tab, newline and carriage return in attributes as character references", () => {
    expect(escapeXmlAttribute("a\tb\nc\rd")).toBe("a&#9;b&#10;c&#13;d");
    expect(escapeXmlText("a\tb\nc")).toBe("a\tb\nc");
  });

  it("drops characters XML 1.0 cannot carry: NUL and other controls, lone surrogates, U+FFFE/U+FFFF", () => {
    expect(stripInvalidXmlChars("a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg")).toBe("abcdefg");
    expect(stripInvalidXmlChars("x\uD800y\uDC00z")).toBe("xyz");
    expect(stripInvalidXmlChars("\uFFFE\uFFFFok")).toBe("ok");
    expect(escapeXmlText("a\u0000<b")).toBe("a&lt;b");
    expect(escapeXmlAttribute("\uDFFFq\u0007")).toBe("q");
  });

  it("keeps valid non-ASCII text, including characters outside the BMP (surrogate pairs)", () => {
    expect(stripInvalidXmlChars("Café ☕ 😀 \u{10FFFF} \u00A0\uFFFD")).toBe("Café ☕ 😀 \u{10FFFF} \u00A0\uFFFD");
  });

  it("any string comes back from a real parser as itself, minus only the invalid characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (value) => {
        const expected = stripInvalidXmlChars(value);
        const back = readBack(value);
        // XML readers turn \r\n and a lone \r in text into \n (end-of-line handling).
        expect(back.text).toBe(expected.replace(/\r\n?/g, "\n"));
        expect(back.attribute).toBe(expected);
      }),
      { numRuns: 100 },
    );
  });
});

describe("renderElement", () => {
  it("writes attributes in order, lists space-separated, booleans and numbers as text, skips undefined", () => {
    expect(
      renderElement({
        name: "Gather",
        attributes: { input: ["dtmf", "speech"], numDigits: 1, answerOnBridge: true, hints: undefined },
        children: [],
      }),
    ).toBe('<Gather input="dtmf speech" numDigits="1" answerOnBridge="true"/>');
  });

  it("nests elements and escapes their text", () => {
    const xml = renderDocument({
      name: "Response",
      attributes: {},
      children: [
        { name: "Gather", attributes: {}, children: [{ name: "Say", attributes: {}, children: ["1 < 2 & 3"] }] },
      ],
    });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Gather><Say>1 &lt; 2 &amp; 3</Say></Gather></Response>',
    );
  });

  it("refuses element and attribute names that are not plain XML names", () => {
    expect(() => renderElement({ name: "Say onload", attributes: {}, children: [] })).toThrow(/not an XML name/);
    expect(() => renderElement({ name: "Say", attributes: { 'x="1"': "y" }, children: [] })).toThrow(/not an XML name/);
  });
});
