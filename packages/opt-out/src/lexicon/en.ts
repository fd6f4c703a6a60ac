/**
 * English. Carrier keywords are Twilio's defaults for long codes (twilio.com/docs/messaging/tutorials/
 * advanced-opt-out: "STOP, UNSUBSCRIBE, END, QUIT, STOPALL, REVOKE, OPTOUT, and CANCEL"; opt-in START,
 * YES, UNSTOP; help HELP, INFO). Plain-language rules follow FCC 24-18 (revocation "by any reasonable
 * means", in force 11 April 2025): they are anchored on the *object* of the action (texts, messages,
 * a list, this number) or on a clause that is nothing but the request, never on a bare "stop",
 * "end" or "cancel" inside a longer clause ("stop by at 3", "end of the day", "cancel my appointment").
 */
import { type Lexicon, rule, TEXT_WORDS } from "./types.ts";

/** What a texting business sends: the objects a revocation is about. */
export const EN_MESSAGES = String.raw`(texts?|texting|txts?|txting|txt msgs?|sms|smss|text messages?|messages?|messaging|msgs?|msges|spam|spamming|notifications?|notifs?|alerts?|reminders|reminder texts?|promos?|promotions?|promotional \w+|marketing|updates|offers|ads|advertis\w*|deals|blasts?)`;
const M = EN_MESSAGES;
/** The texts named by a pronoun: "I don't wanna get these". */
const DEMONSTRATIVE = String.raw`(these|those|them|any of these|any of those|any more of these|this stuff|this crap|this junk)`;
/** Someone else's number: "stop texting my husband (and text me instead)" is not about this one. */
const OTHER_PERSON = String.raw`(my|his|her|their|our) (husband|wife|son|daughter|kids?|mom|mother|dad|father|partner|boss|boyfriend|girlfriend|brother|sister|friend|neighbou?r|assistant|office manager)\b`;
/** After the object: "cancel the wash text me the total" is not "cancel the ... text". */
const END = String.raw`\b(?! (me|us|you|him|her|them|back|when|if|the|a|an|pls me)\b)(?! ${OTHER_PERSON})`;
const DET = String.raw`((the|these|those|this|your|ur|all|all the|all these|all your|all of these|all of your|any|any more|anymore|any of these|any of your|such|my|them|of the|of these|with the|with these|with your|it with the|it with these|it with your)\s+)?`;
const ADJ = String.raw`((\w+)\s+)?`;
const ME = String.raw`((me|us|to me|to us|to this number|to my (phone|number|cell))\s+)?`;
const STOP_VERB = String.raw`(stop|quit|cease|halt|end|discontinue|pause|kill|cut out|cut|turn off|shut off|disable|block|refrain from|desist from|abstain from)`;
const SEND_VERB = String.raw`(sending|send|texting|txting|texing|messaging|msging|contacting|spamming|smsing|bugging|bothering|harassing|pestering|hitting me up|blowing up my phone|calling (me|us|this number)|calling and texting|texting and calling|reaching out|writing)`;

export const en: Lexicon = {
  language: "en",
  markers: [
    "the",
    "you",
    "your",
    "my",
    "i",
    "to",
    "please",
    "pls",
    "and",
    "is",
    "this",
    "dont",
    "stop",
    "texting",
    "text",
    "texts",
    "want",
    "with",
    "from",
    "more",
    "any",
    "of",
    "it",
    "thanks",
    "number",
    "list",
    "remove",
    "off",
    "what",
    "when",
    "can",
    "will",
    "do",
    "not",
    "no",
    "be",
    "at",
    "for",
    "on",
    "are",
  ],
  optOutKeywords: ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"],
  optInKeywords: ["START", "YES", "UNSTOP"],
  helpKeywords: ["HELP", "INFO"],
  bareRevocations: [
    "stop",
    "stahp",
    "stawp",
    "stop all",
    "end all",
    "quit all",
    "unsubscribe all",
    "stop everything",
    "stop it",
    "stop now",
    "stop texting",
    "stop messaging",
    "stop sending",
    "unsubscribe",
    "unsubscribe me",
    "unsub",
    "unsubs",
    "unsub me",
    "unsubscribed",
    "optout",
    "opt out",
    "opt me out",
    "opt out me",
    "remove",
    "remove me",
    "remove my number",
    "remove this number",
    "remove number",
    "delete me",
    "delete my number",
    "take me off",
    "take me off the list",
    "take me off your list",
    "take me off list",
    "remove us",
    "delete us",
    "take us off",
    "remove us please",
    "remove him",
    "remove her",
    "remove them",
    "remove my wife",
    "remove my husband",
    "halt",
    "cease",
    "cease and desist",
    "no more",
    "nomore",
    "no more please",
    "stp",
    "end",
    "end it",
    "quit",
    "quit it",
    "cancel",
    "cancel me",
    "revoke",
    "revoke consent",
    "stop stop",
    "stop stop stop",
    "stop contact",
    "no contact",
    "do not contact",
    "dont contact",
    "do not text",
    "dont text",
    "no texts",
    "no text",
    "no sms",
    "no messages",
    "i said stop",
    "stop i said",
    "please stop",
    "wrong number",
    "wrong person",
    "wrong #",
    "leave me alone",
    "knock it off",
    "cut it out",
    "go away",
    "lose my number",
    "forget my number",
    "count me out",
    "cancel texts",
    "stop texts",
    "end texts",
  ],
  bareAmbiguous: ["enough", "not interested", "spam", "no thanks stop", "stop lol", "stop haha", "i m done", "im done"],
  courtesy: [
    "please",
    "pls",
    "plz",
    "plse",
    "plese",
    "pleas",
    "thanks",
    "thank you",
    "thankyou",
    "thank u",
    "thx",
    "thnx",
    "tnx",
    "ty",
    "now",
    "asap",
    "immediately",
    "right now",
    "already",
    "again",
    "ok",
    "okay",
    "k",
    "seriously",
    "just",
    "hey",
    "hi",
    "hello",
    "sorry",
    "sir",
    "maam",
    "man",
    "dude",
    "guys",
    "bye",
    "goodbye",
    "for real",
    "fr",
    "kindly",
    "thank you very much",
    "thanks a lot",
    "much appreciated",
    "appreciated",
    "appreciate it",
    "cheers",
    "regards",
    "best",
    "god bless",
    "have a good day",
    "have a nice day",
    "yes",
    "sure",
    "thank",
  ],
  revocations: [
    // "stop texting me", "quit messaging me", "please stop contacting us", "stop blowing up my phone"
    rule(
      "stop_sending",
      String.raw`\b${STOP_VERB} ${SEND_VERB}\b(?! (you|u|ya|yall|y all|them|him|her)\b)(?! ${OTHER_PERSON})(?! (the|my|your|a|any|these|those|paper|more)( \w+)? (invoices?|bills?|receipts?|quotes?|estimates?|statements?|tech|guy|crew|car|van|mail|letters|catalogs?|flyers?|postcards?)\b)(?! (by|over|in|at|on)\b)`,
    ),
    // "stop sending me texts", "quit sending these promo messages"
    rule("stop_sending_object", String.raw`\b${STOP_VERB} (sending|send|texting) ${ME}${DET}${ADJ}${M}${END}`),
    // "stop the texts", "cancel these texts", "end all messages", "stop it with the texts", "revoke the marketing texts"
    rule(
      "verb_object",
      String.raw`\b(stop|quit|cease|halt|end|cancel|revoke|discontinue|pause|terminate|kill|stopping|quitting|ending|cancelling|canceling|revoking|discontinuing|pausing|terminating|turn off|shut off|disable|block|unsubscribe from|unsubscribe me from|opt out of|opt me out of|get me out of|no longer send|remove me from|cut it out with|knock it off with|give it a rest with|quit it with|lay off|knock off|cut out|ease up on|let up on) ${DET}${ADJ}${M}${END}`,
    ),
    rule(
      "stop_all_contact",
      String.raw`\b(stop|end|cease|desist|halt|cut|no|no more|block|terminate|discontinue) (all )?(further |future )?((text|sms|written|electronic|phone|telephone|mobile) )?(contact|communications?|correspondence|outreach)\b`,
    ),
    // "no more texts", "no more marketing texts please", "no texts anymore"
    rule("no_more", String.raw`\bno (more|further|additional|longer any) ${ADJ}${M}${END}`),
    rule("no_object", String.raw`^(no|zero) ${M}( (anymore|any more|please|pls|again|ever|thanks))*$`),
    // "don't text me again", "do not contact me", "never message this number", "pls dont send me anything else"
    rule(
      "dont_contact",
      String.raw`(?<!\b(why|how|if|when|and|or|forget to|forgot to|remember to|make sure you)\s)\b(dont|do not|never|pls dont|please dont|plz dont|dont ever|do not ever|better not|stop trying to) (you |u |ya )?(ever )?(text|txt|message|msg|contact|sms|call or text|text or call|send|reach out to|reach out|get in touch|write|write to|reach|hit me up|bother|spam|bug) (me|this number|us|my (phone|number|cell|wife|husband)|here|anymore|any more|again|ever)\b(?! (the|when|before|after|at|if|your|a|an|back|know|which|what|how|where|whether|about|on|in|by|once|until|till|til|unless|during|while|for|yet|today|tonight|tomorrow|this|that|so|too|late|early|between|with|through|first|directly|instead of)\b)`,
    ),
    // "I don't want you to text me anymore", "she doesn't need anyone contacting her": only clause-final, so
    // "I don't want you to text me the total" is not taken.
    rule(
      "dont_want_you_to",
      String.raw`\b(dont|do not|doesnt|does not|no longer|never) (want|wants|need|needs|like|likes) (you|u|ya|yall|you guys|your company|anyone|them) (to )?(text|txt|message|msg|contact|sms|reach out to|bother|spam|write|texting|messaging|contacting|bothering|spamming)( (me|us|this number|my phone|my number|her|him|them))?( (anymore|any more|again|ever|please|pls|at all|thanks))*$`,
    ),
    rule(
      "dont_send_more",
      String.raw`\b(dont|do not|never|pls dont|please dont) (send|text|message) ${ME}(any (more|other|further)|another|more|anything (else|more)|anything)\b(?! (about|for|on|until|till|before|after))`,
    ),
    rule(
      "unsubscribe",
      String.raw`\b(unsubscribe|unsubscribed|unsubscribing|unsubscription|unsuscribe|unsuscribing|unsubscrib|unsub|unsubs|unsubbing|unsubbed|opt out|optout|opting out|opt me out|opted out|opting me out)\b`,
    ),
    // "take me off your list", "remove my number from your system", "drop me from the texting list"
    rule(
      "remove_from_list",
      String.raw`\b(take|taking|took|remove|removing|removed|delete|deleting|deleted|drop|dropping|scratch|get|getting|erase|erasing|cross|strike|wipe|pull|kick) (me|us|him|her|them|my (number|phone( number)?|cell( number)?|name|info\w*|contact( info\w*)?|details)|this (number|phone( number)?|cell)) (off|from|out of) ${DET}${ADJ}(list|lists|listing|database|system|contacts?|contact list|records|roster|rolls|texting list|text list|sms list|mailing|marketing|notifications|texts|messages|sms|loop|blast|distribution)\b`,
    ),
    // "please remove this number", "delete my number", "lose my number"; not "remove my number from the booking"
    rule(
      "remove_number",
      String.raw`\b(delete|deleting|remove|removing|lose|losing|erase|forget|drop|scrap|wipe|purge|ditch) (my|this|the|his|her|their|our|that) (number|phone number|cell number|cell|contact info\w*|contact details|phone)\b(?! (from|off|on|in) (the|my|our|your)( \w+)? (booking|appointment|account|order|invoice|profile|reservation))`,
    ),
    rule(
      "wrong_number",
      String.raw`\b(wrong (number|person|phone|guy|girl|contact|cell|#)|not the (right|correct) (number|person)|(number|person) is wrong|you have the wrong|you got the wrong|you ve got the wrong|this isnt (their|his|her|your) number|not (his|her|their) number anymore|(he|she|they) (doesnt|dont|no longer) (have|use) this number)\b`,
    ),
    rule(
      "leave_alone",
      String.raw`\b(leave me alone|leave us alone|leave me be|get lost|go away and stop|stop harassing|quit harassing)\b`,
      0.9,
    ),
    // "I don't want these messages", "I do not want to receive any more texts", "I don't want to be texted"
    rule(
      "dont_want",
      String.raw`\b(dont|do not|doesnt|does not|no longer|dont really|never|didnt) (want|wants|wish|wishes|need|needs|like|likes|care for|care to|wanna|consent to) (to )?((receive|get|keep getting|keep receiving|be getting|have|see|hear|read)\s+)?${DET}${ADJ}${M}${END}`,
    ),
    rule(
      "dont_want_be",
      String.raw`\b(dont|do not|doesnt|does not|no longer|never) (want|wants|wish|wishes|wanna|consent) to be (texted|contacted|messaged|spammed|bothered|on (your|the|this) (list|texting list))\b`,
    ),
    rule(
      "consent",
      String.raw`\b((revoke|revoking|withdraw|withdrawing|retract|rescind|pull|take back|cancel|remove|revoked|withdrew) (my |our |all |any )?(consent|permission|authori[sz]ation|opt in|optin|agreement to (be texted|receive))|no longer consent|do not consent|dont consent|not consent to|never consented|didnt consent|did not consent|i dont agree to (these|receive|be))\b`,
    ),
    rule(
      "subscription_to_texts",
      String.raw`\b(cancel|end|stop|terminate|remove|drop|delete) (my |the |this |your )?(subscription|membership|sign up|signup) (to|for|from) ${DET}${ADJ}${M}${END}`,
      0.9,
    ),
    // A sentence that ends in a bare "stop" without punctuation: "i didnt sign up for this stop", "who is this stop".
    rule(
      "trailing_stop",
      String.raw`\b(this|that|these|already|anymore|any more|interested|thing|please|pls|plz|number) (stop|stop it|stop now)( (please|pls|plz|now|texting|messaging|thanks))*$`,
      0.85,
    ),
    rule(
      "never_signed_up_texts",
      String.raw`\b(never|didnt|did not) (sign up|signed up|subscribe|subscribed|opt in|opted in|agree|agreed|ask|asked|consent|consented) (for|to) ${DET}${ADJ}${M}${END}`,
      0.85,
    ),
    rule(
      "text_subscription",
      String.raw`\b(cancel|end|stop|terminate) ${DET}(text|sms|texting|message|messaging) (subscription|service|plan|program|list|alerts|club)\b`,
    ),
    rule(
      "done_with",
      String.raw`\b(done|finished|through|over it|sick|tired|fed up) (with|of) ${DET}${ADJ}${M}${END}`,
      0.9,
    ),
    rule("enough_with", String.raw`\b(enough|enough of|enough with) ${DET}${ADJ}${M}${END}`, 0.9),
    rule("dnc_list", String.raw`\b(do not (text|contact|call|disturb)|dnc|dont (text|contact|call)) list\b`, 0.9),
    rule(
      "said_stop",
      String.raw`\b(i said|i told (you|u|ya|yall)|told (you|u|ya)|i asked (you|u|ya)|asked (you|u)|how many times do i have to say|how many times have i said|i already said|i already told (you|u))( already| before| twice| again| \w+ times)? (to )?(stop|unsubscribe|opt out|remove me|quit)\b(?! (by|in|over|at|on|for)\b)`,
      0.9,
    ),
    // "stop sending to this number", "stop texting this number"
    rule("this_number", String.raw`\b(stop|no more|quit|cease) \w+ (to|this|my) (number|phone|cell)\b`, 0.9),
    rule("not_text_again", String.raw`\b(never|not) (text|message|contact) (me|us) again\b`),
    rule(
      "take_off_texts",
      String.raw`\b(take|taking|get|getting|opt) (me|us|this number|him|her|them|my (number|phone number|cell|cell number|phone|name|info)) (off|out)( (please|pls|now|thanks|asap|immediately|of (this|it|here|that)|of (your|the|this) (list|texts|system|thing)|(this|that|the|your|ur) (thing|list|texts|system)))*$`,
      0.85,
    ),
    rule(
      "want_off",
      String.raw`\b(want|wanna|need|get|let me|i d like|i would like) (off|out of) (of )?${DET}${ADJ}(list|thread|blast|${M})${END}|^(i )?(want|wanna) out$`,
      0.9,
    ),
    rule(
      "can_you_not",
      String.raw`\b(can|could|would|will) (you|u|ya) (not|never|please not|pls not) (text|message|msg|contact|sms|txt) (me|us|this number)( (anymore|any more|again|please|pls|ever))*$`,
    ),
    rule(
      "rather_not",
      String.raw`\b(rather|prefer|prefer to|prefer not|choose) not (to )?(get|receive|have|be sent) ${DET}${ADJ}${M}${END}|\b(rather|prefer) not (to )?be (texted|contacted|messaged)\b`,
      0.9,
    ),
    rule(
      "remove_from_list_bare",
      String.raw`^(please |pls |plz )?(remove|delete|take|drop|unlist) (me |us |this number |my number )?(from|off) (the |your |this |ur |all )?(list|lists|texting list|text list|sms list|contact list|database|system)( (please|pls|plz|thanks|now|asap))*$`,
    ),
    rule(
      "delete_info",
      String.raw`\b(delete|remove|erase|wipe|purge|scrub) (all )?(my|our) (info|information|details|data|personal (info|information|data)|contact)\b(?! (from|off|on|in) (the|my) (booking|appointment|account|order|invoice|profile|reservation))`,
      0.9,
    ),
    rule(
      "not_interested_in_texts",
      String.raw`\b(not|no longer|never) interested in (receiving |getting |these |your |any |the )*${ADJ}${M}${END}`,
    ),
    rule(
      "asking_to_stop",
      String.raw`\b(asking|begging|telling|requesting|want|need|wish for|would like|d like) (you |u |yall |y all )?(to )?(stop|quit|cease|unsubscribe me|remove me|take me off)( (texting|messaging|sending|contacting|now|please|pls|already|it|this|these))*$`,
      0.9,
    ),
    // "u can stop now", "you may stop texting": permission to stop is a request to stop.
    rule(
      "you_can_stop",
      String.raw`^(you|u|ya|yall|y all|you guys) (can|may|could|should|need to|have to|must) (stop|quit|end it|cease)( (now|it|texting|messaging|sending|contacting me|these|please|pls|thanks|already|now please))*$`,
      0.9,
    ),
    // "this is harassment", "this is spam": an accusation about the texts themselves.
    rule(
      "accusation",
      String.raw`^(this|that|it|these|these texts|your texts|this texting) (is|s|are|re|feels like|is just|is basically) (harassment|harrassment|harasment|harassing|spam|spamming|unwanted|unsolicited)\b|\b(you|u|yall) (are|re|r) (harassing|spamming|stalking) (me|us)\b`,
      0.85,
    ),
    // "I'll report this as spam", "I'm blocking your number", "if you text me again I'll…"
    rule(
      "threat",
      String.raw`\b(report|reporting|block|blocking|flag|flagging) (you|u|this|this number|your number|your company|these (texts|messages)|it) (as|for|to) (spam|junk|harassment|the fcc|the ftc|fcc|ftc|the bbb|bbb|my carrier|the attorney general)\b|\b(i will|i ll|ill|im going to|i m going to|im gonna|i m gonna|going to|gonna|about to) (report|block) (you|u|this number|your number|you guys|yall|this company|your company)\b|\bif (you|u|ya|yall|you guys) (text|txt|message|msg|contact|sms|spam) (me|us|this number) (again|one more time|anymore|any more|ever again)\b(?! (with|about|for|when|to|and let|before|after|at|on|tomorrow|today|tonight|the|that|thats|it|is|would|works)\b)`,
      0.85,
    ),
    // Passive and causative: "I want to be removed from all communications", "please have me taken off".
    rule(
      "be_removed",
      String.raw`\b(want|wanna|wish|like|d like|would like|need|ask|asking|request|requesting|please|pls|plz) (to )?(be|get) (removed|taken off|deleted|unsubscribed|dropped|excluded|opted out|unenrolled)\b(?! (from|off) (the|my|your) (appointment|booking|schedule|waitlist|wait list|calendar|reservation)\b)|\b(have|get) (me|us|my number|this number) (removed|taken off|deleted|unsubscribed|opted out)\b(?! (from|off) (the|my|your) (appointment|booking|schedule|waitlist|wait list|calendar|reservation)\b)`,
      0.9,
    ),
    // "make them stop", "make these texts stop", "please stop them": the texts named by a pronoun.
    rule(
      "make_them_stop",
      String.raw`\bmake (it|them|these|this|${DET}${ADJ}${M}) stop\b|^(please |pls |plz |just |can you |could you )*(stop|end|cancel) (them|these|those|them all|all of them|these things)( (please|pls|plz|now|already|thanks))*$`,
      0.9,
    ),
    rule("cease_desist", String.raw`\bcease and desist\b`, 0.9),
    rule("stop_receiving", String.raw`\b${STOP_VERB} (receiving|getting|having) ${DET}${ADJ}${M}${END}`),
    // A question about how to stop *these texts* is a wish to stop them (another channel is a guard):
    // "how do I get these texts to stop", "how can I turn off the reminders?", "how do I unsubscribe from this".
    rule(
      "how_to_stop_texts",
      String.raw`\bhow (do|can|could|would|should) (i|we|you) (get|make) ${DET}${ADJ}${M} (to )?(stop|end|go away|quit)\b|\bhow (do|can|could|would|should|to) ((i|we) )?(stop|end|turn off|shut off|block|get off|get out of|be removed from|cancel|disable) ${DET}${ADJ}(${M}|list|texting list|text list)${END}`,
      0.9,
    ),
    // A need that is gone: "no need for these texts anymore", "we have no use for the reminders now".
    rule(
      "no_need_for",
      String.raw`\b(no need for|no more need for|have no need for|no use for|have no use for|dont need|do not need|no longer need|wont need|will not need|wont be needing|will not be needing|dont need any of) ${DET}${ADJ}${M}( (anymore|any more|now|thanks|please|again))+$|\b(no need for|no more need for|have no need for|no use for|have no use for) ${DET}${ADJ}${M}${END}`,
      0.9,
    ),
    // The texts named earlier by a pronoun: "I keep getting texts… please stop sending them (thanks)".
    rule(
      "stop_sending_pronoun",
      String.raw`\b(${STOP_VERB} (sending|send)|(dont|do not|never|please dont|pls dont) send) (them|those|these|it)( (to me|to us|to this number|please|pls|plz|thanks|thank you|thx|anymore|any more|now|already|again|ever))*$`,
      0.9,
    ),
    // The texts as a demonstrative at the end: "I don't wanna get these", "I'd like to stop receiving these",
    // "I'd like these to stop", "reminders are no longer needed".
    rule(
      "demonstrative_object",
      String.raw`\b(dont|do not|no longer|never) (want|wanna|wish) (to )?(get|receive|keep getting|keep receiving|be getting|be receiving) ${DEMONSTRATIVE}( (anymore|any more|again|please|pls|thanks|from you|from yall|from this number))*$|\b(dont|do not|no longer|never) (want|wanna|need) ${DEMONSTRATIVE}( (from you|from yall|from this number))? (anymore|any more|again)( (please|pls|thanks))*$|\b${STOP_VERB} (receiving|getting) ${DEMONSTRATIVE}( (anymore|any more|now|please|pls|thanks))*$|\b(want|wanna|like|need|d like|would like) (these|those|them|it|this|the texts|the messages) to (stop|end|go away|cease)( (now|please|pls|thanks|already|asap))*$|\b${M} (are|is|re|s) (no longer (needed|necessary|wanted|required|welcome)|not (needed|necessary|wanted|welcome) (anymore|any more))( (anymore|any more|thanks|please|pls|thank you))*$`,
      0.9,
    ),
    rule(
      "stop_please",
      String.raw`^(please |pls |plz |just |seriously |ok |okay |hey |god )*(stop|stop it|stop now|stop texting|stop messaging|stop sending)( (please|pls|plz|now|it|already|immediately|asap|again|seriously|thanks|thank you|thx|ty|ok|okay|for real|stop|right now|man|dude|guys|sir|lady))+$`,
    ),
  ],
  ambiguous: [
    rule(
      "keep_texting_why",
      String.raw`\bwhy (do|does|are|is) (you|u|this number|your company) (keep |still |always )?(texting|text|messaging|message|sending)\b`,
      0.6,
    ),
    rule("too_many", String.raw`\b(too many|so many|way too many|constant|nonstop|non stop|endless) ${M}\b`, 0.6),
    rule(
      "cancel_subscription",
      String.raw`^(please |pls )?(cancel|end|stop) (my |the |this )?subscription( (please|pls|thanks))?$`,
      0.6,
    ),
    rule("who_is_this_leave", String.raw`\b(i dont know (you|who this is|this number))\b`, 0.55),
    rule(
      "not_interested",
      String.raw`^(im |i m |i am |we are |were |we re )?not interested( (anymore|any more|thanks|thank you|please))?$`,
      0.6,
    ),
  ],
  guards: [
    // Negations that ask to keep the texts: "don't stop texting me", "I'm NOT asking you to stop", "never unsubscribe me".
    rule(
      "dont_stop",
      String.raw`\b(dont|do not|never|pls dont|please dont|no need to|you dont have to|you do not have to|not going to|wont|will not|didnt|did not|not) (stop|stopping|quit|quitting|end|ending|cancel|canceling|cancelling|cease|halt|unsubscribe|unsubscribing|unsubbing|remove|removing|opt me out|opting out|opt out|take me off|taking me off)\b`,
      0,
    ),
    // "I don't want you to stop", "don't u dare stop", "never ever unsubscribe me": the negation reaches past a few words.
    rule(
      "dont_want_you_to_stop",
      String.raw`\b(dont|do not|never|didnt|did not|wouldnt|would not) ((you|u|ya|yall|ever|dare|even|think about|want|need|ask|asked|expect|mean|meant|tell|told|for|them|to|want you to|need you to)\s+){1,4}(stop|quit|end|cancel|cease|halt|unsubscribe|remove|opt me out|take me off)\b`,
      0,
    ),
    // Quoting the instructions: "the text said reply STOP to opt out", "my friend told me to text STOP".
    rule(
      "quoting_keyword",
      String.raw`\b((says?|said|told (me|us)|tells (me|us)|saying) (to |that |i can |you can |i could |we can |i should )?(just )?(reply|respond|text|send|type|write)( with)? (stop|unsubscribe|end|quit|cancel|stopall)( to (opt out|unsubscribe|stop|cancel|end|quit))?|(reply|respond|text) (stop|end|quit|cancel|unsubscribe) to (opt out|unsubscribe|stop|cancel|end|quit))\b`,
      0,
    ),
    // A hypothetical: "if I unsubscribe will I lose my points?", "what if I reply stop?"
    rule(
      "hypothetical",
      String.raw`\b(if|whether|what if|in case|once) (i|we) (unsubscribe|opt out|reply stop|text stop|send stop|say stop|reply end|stop|cancel|end)\b`,
      0,
    ),
    rule(
      "not_asking",
      String.raw`\bnot (asking|telling|saying|trying to get|trying|requesting|wanting|going|planning|looking|meaning) (you |u |anyone )?(to )?(stop|unsubscribe|opt|remove|end|quit|cancel)\b`,
      0,
    ),
    rule(
      "keep_texting",
      String.raw`(?<!\b(you|u|they|ya|yall|always|still|why) )\b(please keep|please continue|keep|continue|keep on) (texting|sending|messaging) (me|us)\b|\b(still want|i want|i d like|i would like|i like|i love|i need|i enjoy|we love|we like) (to get |to receive |to keep getting |getting |receiving )?(the |your |these |those |all the )?${M}\b(?! (to )?(stop|end|cease|go away|be stopped|gone|removed|to stop))`,
      0,
    ),
    rule(
      "didnt_mean",
      String.raw`\b(didnt|did not|dont|do not|never) (mean|meant|want|say|said|type|typed|write|wrote|send|sent) (to )?(say |send |text |type )?(stop|unsubscribe|opt out|that stop|to stop)\b`,
      0,
    ),
    // "keep the texts", "texting is fine": the texts are wanted, whatever else the clause stops.
    rule(
      "texts_wanted",
      String.raw`\b(keep|leave) (the |my |your )?(texts?|sms|text messages|text reminders|text alerts)( coming| on| going)?\b|\b(texts?|texting|sms|text messages?) (is|are|s|re) (fine|ok|okay|better|great|good|preferred|perfect|best)\b`,
      0,
    ),
    // Another business: "we unsubscribed from the other lawn company", "I opted out of my old groomer's texts".
    rule(
      "other_business",
      String.raw`\b(unsubscribed|opted out|canceled|cancelled|stopped|dropped|fired|ditched|done with|switched from|got rid of) (from |of |with |on )?(the |my |our |that |those )?(other|another|old|previous|former)\b(?! ${M}\b)|\b(unsubscribed|opted out|canceled|cancelled|dropped|fired|ditched|switched from) (from |with |of )?(them|those guys|that company|that place)\b(?= .*\b(you|your|yall)\b)`,
      0,
    ),
    rule(
      "resubscribe",
      String.raw`\b(undo|ignore|disregard|cancel|take back) (my |the |that )?(stop|unsubscribe|opt out|last (text|message))\b`,
      0,
    ),
    // Another channel: "how do I unsubscribe from your emails?", "stop emailing me" (texts are not mentioned).
    rule(
      "other_channel",
      String.raw`\b(e ?mails?|emailing|e mailing|newsletters?|mailers?|inbox|junk mail|catalogs?|flyers?|postcards?|letters|youtube|instagram|facebook|app notifications|push notifications)\b|\b(from|of|on|in) (the|your|this|ur) (app|website|web site|site|portal|online account)\b`,
      0,
      TEXT_WORDS,
    ),
  ],
  // Booking talk, and the words of a correction ("Stop! wait, I meant Thursday"): a bare "stop" beside them is unclear.
  bookingTalk:
    /\b(wait|hold on|hang on|forgot|meant|actually|oops|one more thing|mention|dont move|left my|appointment|appt|booking|book|rebook|reschedule|schedule|slot|tomorrow|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|am|pm|\d{1,2}( ?(am|pm|o clock))?|time|price|quote|estimate|detail|wash|wax|service|come|coming|on my way|address|arrive|running late|late|sick|ill|something came up|cant make it|can t make it|emergency|out of town|traveling|travelling|busy|work|rain|weather|reschedule|instead)\b/,
};
