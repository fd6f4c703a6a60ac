/**
 * A small XML writer: elements, attributes and text, always well-formed. It exists so the TwiML
 * answers can be built without the Twilio SDK (which pulls Node's HTTP stack into a pure package).
 *
 * Text and attribute values are escaped (`& < > " '`), and characters XML 1.0 cannot carry at all
 * (control characters other than tab/newline/carriage return, lone UTF-16 surrogates, U+FFFE and
 * U+FFFF) are dropped: a greeting that somehow holds one must still give the caller a valid document
 * rather than an error Twilio reads as "application error".
 */

/** One attribute value; a list is written space-separated (TwiML's `input="dtmf speech"`). */
export type XmlAttributeValue = string | number | boolean | readonly string[];
export type XmlAttributes = Readonly<Record<string, XmlAttributeValue | undefined>>;
export type XmlNode = XmlElement | string;

export type XmlElement = {
  readonly name: string;
  readonly attributes: XmlAttributes;
  readonly children: readonly XmlNode[];
};

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. With the `u` flag a
// well-formed surrogate pair is one code point (kept); a lone surrogate matches [\uD800-\uDFFF] (dropped).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

// Element and attribute names are ours (never user input); refuse anything that is not a plain name.
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

const TEXT_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
// In an attribute, tab, newline and carriage return would be turned into spaces by the reader
// (attribute-value normalisation), so they are written as character references.
const ATTRIBUTE_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };

/** Removes the characters XML 1.0 cannot represent, even escaped. */
export const stripInvalidXmlChars = (value: string): string => value.replace(NOT_XML_CHAR, "");

export const escapeXmlText = (value: string): string =>
  stripInvalidXmlChars(value).replace(/[&<>"']/g, (c) => TEXT_ESCAPES[c]!);

export const escapeXmlAttribute = (value: string): string =>
  stripInvalidXmlChars(value).replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]!);

function checkName(name: string): string {
  if (!NAME.test(name)) throw new Error(`not an XML name: ${JSON.stringify(name)}`);
  return name;
}

const attributeText = (value: XmlAttributeValue): string =>
  typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? String(value)
    : value.join(" ");

/** Writes one element and its subtree; an element without children is self-closing (`<Hangup/>`). */
export function renderElement(element: XmlElement): string {
  const name = checkName(element.name);
  const attributes = Object.entries(element.attributes)
    .filter((entry): entry is [string, XmlAttributeValue] => entry[1] !== undefined)
    .map(([key, value]) => ` ${checkName(key)}="${escapeXmlAttribute(attributeText(value))}"`)
    .join("");
  if (element.children.length === 0) return `<${name}${attributes}/>`;
  const inner = element.children.map((child) =>
    typeof child === "string" ? escapeXmlText(child) : renderElement(child),
  );
  return `<${name}${attributes}>${inner.join("")}</${name}>`;
}

/** A whole document: the XML declaration, then the root element. */
export const renderDocument = (root: XmlElement): string =>
  `<?xml version="1.0" encoding="UTF-8"?>${renderElement(root)}`;
