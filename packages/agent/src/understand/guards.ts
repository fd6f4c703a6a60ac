/**
 * Texts no brain should engage with: automatic replies (out of office, "I'm driving", carrier
 * notices: answering them starts a loop), abuse (insults and threats aimed at the business, slurs)
 * and spam (crypto, loans, prizes, "click here", links sold with marketing words). Kept narrow on
 * purpose: a complaint with a swear word in it is a complaint; only insults aimed at someone, or
 * threats, make it abusive too.
 */
import { anyOf, type CleanText } from "./text.ts";

const AUTO_REPLY = [
  /\b(?:im|i am) driving\b.{0,80}\b(?:notifications?|get where|see (?:your|this) message|when i (?:get|arrive)|dont disturb|do not disturb|silenced|reply (?:later|when))\b/,
  /\b(?:driving focus|do not disturb while driving|has notifications silenced|notifications (?:are )?silenced|sent with focus)\b/,
  /\b(?:auto ?reply|auto ?response|autoreply|autoresponse|automatic reply|automatic response|automated (?:message|response|reply|text)|this is an automated|this message was sent automatically)\b/,
  /\b(?:out of (?:the )?office|on vacation (?:until|through|and will)|away from (?:my )?(?:phone|desk|office) (?:until|and will)|limited access to (?:my )?(?:phone|email))\b/,
  /\b(?:do not reply|dont reply to this|no reply|noreply|this number (?:is not|isnt|cannot|does not|doesnt|can not) (?:monitored|receive|accept|be reached)|replies (?:to this number )?are not monitored)\b/,
  /\b(?:message|msg|text) (?:could not|couldnt|was not|wasnt|cannot|can not|failed to|has not been) (?:be )?(?:delivered|sent)\b/,
  /^free msg\b/,
  /\b(?:sorry i cant talk right now|i ll get back to you when i can|im busy right now ill call you later)\b/,
  /\b(?:respuesta automatica|mensaje automatico|estoy (?:manejando|conduciendo)|fuera de la oficina|de vacaciones hasta|no responda a este|no contestar a este|este numero no (?:recibe|acepta))\b/,
];

const ABUSE = [
  /\b(?:fuck|f|fk|fck|fuk|fuq|screw|frick) (?:you|off|yall|your (?:company|business|shop|service))\b/,
  /\b(?:stfu|gtfo|kys|go to hell|go fuck yourself|eat shit|drop dead|piece of shit|son of a bitch|sons of bitches)\b/,
  /\b(?:you|yall|you guys|your (?:company|business|staff|tech|techs|worker|workers|employees?|people|guy|guys)|ur|youre|you are|bunch of|such)\b(?: \w+){0,3} (?:idiots?|morons?|stupid|dumb|incompetent|useless|assholes?|bitch(?:es)?|bastards?|dumbass(?:es)?|jackass(?:es)?|retards?|retarded|scum|pos|clowns?|losers?|crooks?|thieves|scammers?|frauds?|liars?|worthless|cunts?|dicks?|pricks?|jerks?)\b/,
  /\b(?:i will|ill|im going to|im gonna|going to|gonna|i am going to|i am gonna) (?:kill|hurt|beat|find|burn|shoot|stab|destroy|come after|get|end|ruin) (?:you|yall|your|him|her|them|the owner|everyone)\b/,
  /\b(?:watch your back|youll regret|you will regret|hope you die|i know where you live|kill (?:you|yourself)|burn (?:your|it) down)\b/,
  /\b(?:nigger|niggers|faggot|faggots|fag|fags|retard|spic|spics|wetback|wetbacks|chink|chinks|kike|kikes|tranny|trannies|beaner|beaners)\b/,
  /\b(?:pendejo|pendeja|pendejos|pendejas|idiota|idiotas|estupido|estupida|estupidos|imbecil|imbeciles|cabron|cabrones|hijo de puta|hijos de puta|hdp|puto|putos|chinga tu madre|chinguen a su madre|vete a la mierda|vayanse a la mierda|malditos|rateros|estafadores|mamon|culero|culeros|culera)\b/,
  /\b(?:te voy a|los voy a|les voy a|las voy a) (?:matar|partir|romper|buscar|quemar|golpear|demandar y matar)\b/,
];

const SPAM = [
  /\b(?:crypto|cryptocurrency|bitcoin|btc|ethereum|forex|nft|nfts|investment opportunity|invest now|trading platform|binary options|passive income)\b/,
  /\b(?:loan|loans|cash advance|business funding|line of credit|merchant cash|debt relief|credit repair)\b(?: \w+){0,5} (?:approved|pre ?approved|qualify|apply|available|instant|fast|today|offer|up to)\b/,
  /\b(?:pre ?approved|you have been approved|youve been approved|you are approved)\b/,
  /\bclick (?:here|the link|below|this link|now|to claim)\b/,
  /\b(?:you(?:ve| have)? won|you are a winner|youre a winner|winner|claim your (?:prize|reward|gift)|claim now|gift card|free (?:iphone|gift|cruise|vacation|trip))\b/,
  /\b(?:limited time (?:offer|only)|act now|exclusive offer|risk free|no obligation|make money|work from home|earn \d+|earn up to|100 free|get paid to)\b/,
  /\b(?:seo|rank (?:your|on|higher on) (?:google|website)|website design|web design|google ranking|google listing|google reviews? (?:for sale|service)|more customers|leads for your business|grow your business|marketing services|merchant services|extended warranty|lower your (?:rate|interest)|your business listing)\b/,
  /\b(?:gana dinero|prestamo aprobado|prestamos|credito aprobado|haz clic|haz click|has ganado|ganaste|felicidades has|oferta exclusiva|inversion|criptomonedas?)\b/,
];
const LINK =
  /(?:https?:\/\/|www\.|\b[a-z0-9-]+\.(?:com|net|org|io|xyz|info|biz|co|ly|link|click|top|site|online|shop|app|me|us)\b)/i;
const MARKETING =
  /\b(?:free|offer|deal|discount|win|won|winner|prize|claim|click|limited|promo|earn|cash|bonus|subscribe|visit|check out|sale|save|exclusive|congratulations|congrats|reward|bitcoin|crypto|loan|apply|gratis|oferta|descuento|premio)\b|%|\$\d/;

export type Guards = { autoReply: boolean; abusive: boolean; spam: boolean };

export function readGuards(text: CleanText): Guards {
  const s = text.norm;
  const autoReply = anyOf(AUTO_REPLY, s);
  const abusive = anyOf(ABUSE, s);
  const spam = anyOf(SPAM, s) || (LINK.test(text.raw) && MARKETING.test(`${s} ${text.raw.toLowerCase()}`));
  return { autoReply, abusive, spam };
}
