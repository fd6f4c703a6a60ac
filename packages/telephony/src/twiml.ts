/**
 * TwiML builders for the verbs our answers use (Say, Gather, Dial/Number, Record, Redirect, Hangup),
 * written with the XML writer in ./xml.ts. The shape mirrors the Twilio SDK's `twiml.VoiceResponse`
 * (attributes first, then text) so the IVR reads the same, but nothing here needs Node: the browser
 * can import telephony's pure parts. Attribute names are TwiML's own (camelCase), passed through.
 */
import { renderDocument, type XmlAttributes, type XmlElement, type XmlNode } from "./xml.ts";

export type SayAttributes = { voice?: string; language?: string; loop?: number };
export type GatherAttributes = {
  input?: readonly ("dtmf" | "speech")[];
  action?: string;
  method?: "GET" | "POST";
  numDigits?: number;
  timeout?: number;
  speechTimeout?: string | number;
  finishOnKey?: string;
  hints?: string;
  language?: string;
};
export type DialAttributes = {
  action?: string;
  method?: "GET" | "POST";
  timeout?: number;
  answerOnBridge?: boolean;
  callerId?: string;
};
export type NumberAttributes = {
  statusCallback?: string;
  /** Space-separated: initiated ringing answered completed. */
  statusCallbackEvent?: string;
  statusCallbackMethod?: "GET" | "POST";
};
export type RecordAttributes = {
  action?: string;
  method?: "GET" | "POST";
  maxLength?: number;
  playBeep?: boolean;
  finishOnKey?: string;
  transcribe?: boolean;
  transcribeCallback?: string;
  recordingStatusCallback?: string;
  /** Space-separated: in-progress completed absent. */
  recordingStatusCallbackEvent?: string;
  recordingStatusCallbackMethod?: "GET" | "POST";
};
export type RedirectAttributes = { method?: "GET" | "POST" };

/** An element under construction: the children array is filled by the verb methods. */
class ElementBuilder {
  private readonly children: (XmlNode | ElementBuilder)[] = [];
  private readonly name: string;
  private readonly attributes: XmlAttributes;

  constructor(name: string, attributes: XmlAttributes = {}) {
    this.name = name;
    this.attributes = attributes;
  }

  protected append(name: string, attributes: XmlAttributes, text?: string): void {
    this.children.push({ name, attributes, children: text === undefined ? [] : [text] });
  }

  protected appendBuilder<B extends ElementBuilder>(builder: B): B {
    this.children.push(builder);
    return builder;
  }

  get element(): XmlElement {
    return {
      name: this.name,
      attributes: this.attributes,
      children: this.children.map((c) => (c instanceof ElementBuilder ? c.element : c)),
    };
  }
}

export class GatherBuilder extends ElementBuilder {
  say(attributes: SayAttributes, text: string): void {
    this.append("Say", attributes, text);
  }
}

export class DialBuilder extends ElementBuilder {
  number(phoneNumber: string, attributes: NumberAttributes = {}): void {
    this.append("Number", attributes, phoneNumber);
  }
}

/** `<Response>` for a voice webhook. */
export class VoiceResponse extends ElementBuilder {
  constructor() {
    super("Response");
  }

  say(attributes: SayAttributes, text: string): void {
    this.append("Say", attributes, text);
  }

  gather(attributes: GatherAttributes): GatherBuilder {
    return this.appendBuilder(new GatherBuilder("Gather", attributes));
  }

  dial(attributes: DialAttributes): DialBuilder {
    return this.appendBuilder(new DialBuilder("Dial", attributes));
  }

  record(attributes: RecordAttributes): void {
    this.append("Record", attributes);
  }

  redirect(attributes: RedirectAttributes, url: string): void {
    this.append("Redirect", attributes, url);
  }

  hangup(): void {
    this.append("Hangup", {});
  }

  override toString(): string {
    return renderDocument(this.element);
  }
}

/** An empty `<Response/>`: "nothing to say" for a voice webhook. */
export const emptyVoiceResponse = (): string => new VoiceResponse().toString();

/** An empty `<Response/>` for an SMS webhook: we reply (if at all) through the outbox, not TwiML. */
export const emptyMessagingResponse = (): string => renderDocument({ name: "Response", attributes: {}, children: [] });
