/**
 * The rules brain's words, in English and Spanish. Every fact in them comes from the arguments (the
 * business's configuration or a tool's result); nothing here states a price, policy or link itself.
 */
import type { Language } from "./types.ts";

type Words = {
  greeting(business: string, name: string | null): string;
  askService(services: string[]): string;
  askDay(service: string): string;
  offer(service: string, starts: string, note: string | null): string;
  offerMore: string;
  nothingInWindow(window: string): string;
  noOpenings(service: string): string;
  booked(service: string, start: string, extra: string | null): string;
  upsell(addOn: string, price: string): string;
  addOnAdded(addOn: string, start: string): string;
  upsellDeclined: string;
  quoteOnly(service: string): string;
  price(lines: string): string;
  priceFollowUp: string;
  proposeCancel(service: string, start: string, fee: string | null): string;
  proposeMove(service: string, from: string, to: string): string;
  offerMove(service: string, from: string, starts: string): string;
  askWhichAppointment(list: string): string;
  askNewTime(service: string, from: string): string;
  noAppointment: string;
  cancelled(service: string, start: string, fee: string | null): string;
  moved(service: string, start: string): string;
  kept(service: string, start: string): string;
  confirmed(service: string, start: string): string;
  noneWork: string;
  whichDay(starts: string): string;
  declined: string;
  thanks: string;
  welcome: string;
  yourAppointments(items: string): string;
  complaint(business: string): string;
  person(business: string, phone: string | null): string;
  unanswerable(business: string): string;
  notUnderstood(business: string): string;
  photo(business: string): string;
  optOut(business: string): string;
  taken(start: string, starts: string): string;
  tooFar(service: string): string;
};

const en: Words = {
  greeting: (business, name) =>
    `Hi${name ? ` ${name}` : ""}! This is ${business}. How can I help? I can book you in, move or cancel an appointment, or answer a question.`,
  askService: (services) => `Happy to help! Which service would you like: ${list(services, "en")}?`,
  askDay: (service) => `Sure, a ${service}. What day and time work best for you?`,
  offer: (service, starts, note) => `${note ? `${note} ` : ""}For a ${service} I have ${starts}. Which works for you?`,
  offerMore: "Or tell me another day that suits you.",
  nothingInWindow: (window) => `Sorry, we're fully booked ${window}.`,
  noOpenings: (service) =>
    `Sorry, I don't see an opening for a ${service} in the next few weeks. I'll have someone from the team reach out.`,
  booked: (service, start, extra) => `You're booked: ${service} on ${start}.${extra ? ` ${extra}` : ""}`,
  upsell: (addOn, price) => `Want to add ${addOn} (${price})? Just reply YES.`,
  addOnAdded: (addOn, start) => `Done: ${addOn} is added to your appointment on ${start}.`,
  upsellDeclined: "No problem, your appointment stays as it is.",
  quoteOnly: (service) =>
    `A ${service} is priced after we take a look, so I'll have someone from the team reach out with a quote.`,
  price: (lines) => `${lines}.`,
  priceFollowUp: "Want me to find you a time?",
  proposeCancel: (service, start, fee) =>
    `Just to confirm: cancel your ${service} on ${start}?${fee ? ` Cancelling this close to the appointment has a ${fee} fee.` : ""} Reply YES to cancel, or tell me a day that works better and I'll move it instead.`,
  proposeMove: (service, from, to) => `I can move your ${service} from ${from} to ${to}. Reply YES to confirm.`,
  offerMove: (service, from, starts) => `To move your ${service} from ${from}, I have ${starts}. Which works for you?`,
  askWhichAppointment: (items) => `Which appointment do you mean: ${items}?`,
  askNewTime: (service, from) => `Sure. Your ${service} is on ${from}. What day and time would work better?`,
  noAppointment: "I don't see an upcoming appointment for this number. Want me to book one?",
  cancelled: (service, start, fee) =>
    `Done: your ${service} on ${start} is cancelled.${fee ? ` A ${fee} late-cancellation fee applies.` : ""} Text us any time to book again.`,
  moved: (service, start) => `Done: your ${service} is moved to ${start}.`,
  kept: (service, start) => `No problem, your ${service} on ${start} stays as it is.`,
  confirmed: (service, start) => `Thanks, you're confirmed: ${service} on ${start}. See you then!`,
  noneWork: "No problem. What day and time would suit you better?",
  whichDay: (starts) => `Just to be sure, which one: ${starts}?`,
  declined: "No problem. Let us know if you need anything!",
  thanks: "Thanks! Let us know if there's anything else you need.",
  welcome: "You're welcome! Text us any time.",
  yourAppointments: (items) => `Your upcoming appointment: ${items}. Reply here if you need to change anything.`,
  complaint: (business) =>
    `I'm sorry to hear that. I've passed this to the team at ${business} and someone will get back to you shortly.`,
  person: (business, phone) =>
    `Of course. Someone from ${business} will get back to you shortly.${phone ? ` You can also call ${phone}.` : ""}`,
  unanswerable: (business) =>
    `Good question. I don't want to guess, so I've asked the team at ${business} and someone will get back to you shortly.`,
  notUnderstood: (business) => `Thanks for your message! Someone from ${business} will get back to you shortly.`,
  photo: (business) => `Thanks, we got it! Someone from ${business} will take a look and get back to you.`,
  optOut: (business) =>
    `${business}: you're unsubscribed and won't get more texts from us. Reply START to resubscribe.`,
  taken: (start, starts) => `Sorry, ${start} isn't available. I have ${starts}. Which works for you?`,
  tooFar: (service) => `I can't book a ${service} that far out yet. What day in the coming weeks works for you?`,
};

const es: Words = {
  greeting: (business, name) =>
    `¡Hola${name ? ` ${name}` : ""}! Le escribe ${business}. ¿En qué le puedo ayudar? Puedo agendar, cambiar o cancelar una cita, o responder una pregunta.`,
  askService: (services) => `¡Con gusto! ¿Qué servicio le interesa: ${list(services, "es")}?`,
  askDay: (service) => `Claro, ${service}. ¿Qué día y hora le quedan mejor?`,
  offer: (service, starts, note) => `${note ? `${note} ` : ""}Para ${service} tengo ${starts}. ¿Cuál le queda mejor?`,
  offerMore: "O dígame otro día que le convenga.",
  nothingInWindow: (window) => `Lo siento, estamos llenos ${window}.`,
  noOpenings: (service) =>
    `Lo siento, no veo espacio para ${service} en las próximas semanas. Alguien del equipo se comunicará con usted.`,
  booked: (service, start, extra) => `¡Listo! Su cita: ${service} el ${start}.${extra ? ` ${extra}` : ""}`,
  upsell: (addOn, price) => `¿Quiere agregar ${addOn} (${price})? Responda SÍ.`,
  addOnAdded: (addOn, start) => `Listo: agregamos ${addOn} a su cita del ${start}.`,
  upsellDeclined: "No hay problema, su cita queda igual.",
  quoteOnly: (service) =>
    `El precio de ${service} se da después de verlo, así que alguien del equipo se comunicará con usted para cotizar.`,
  price: (lines) => `${lines}.`,
  priceFollowUp: "¿Quiere que le busque un horario?",
  proposeCancel: (service, start, fee) =>
    `Para confirmar: ¿cancelo su ${service} del ${start}?${fee ? ` Cancelar con tan poca anticipación tiene un cargo de ${fee}.` : ""} Responda SÍ para cancelar, o dígame un día que le quede mejor y la cambio.`,
  proposeMove: (service, from, to) => `Puedo cambiar su ${service} del ${from} al ${to}. Responda SÍ para confirmar.`,
  offerMove: (service, from, starts) =>
    `Para cambiar su ${service} del ${from}, tengo ${starts}. ¿Cuál le queda mejor?`,
  askWhichAppointment: (items) => `¿A cuál cita se refiere: ${items}?`,
  askNewTime: (service, from) => `Claro. Su ${service} es el ${from}. ¿Qué día y hora le quedan mejor?`,
  noAppointment: "No veo una cita próxima para este número. ¿Quiere que le agende una?",
  cancelled: (service, start, fee) =>
    `Listo: su ${service} del ${start} está cancelada.${fee ? ` Aplica un cargo de ${fee} por cancelación tardía.` : ""} Escríbanos cuando quiera agendar de nuevo.`,
  moved: (service, start) => `Listo: su ${service} quedó para el ${start}.`,
  kept: (service, start) => `Perfecto, su ${service} del ${start} queda igual.`,
  confirmed: (service, start) => `¡Gracias! Su cita está confirmada: ${service} el ${start}. ¡Nos vemos!`,
  noneWork: "No hay problema. ¿Qué día y hora le quedarían mejor?",
  whichDay: (starts) => `Para estar seguros, ¿cuál: ${starts}?`,
  declined: "No hay problema. ¡Avísenos si necesita algo!",
  thanks: "¡Gracias! Avísenos si necesita algo más.",
  welcome: "¡Con gusto! Escríbanos cuando quiera.",
  yourAppointments: (items) => `Su próxima cita: ${items}. Responda aquí si necesita cambiar algo.`,
  complaint: (business) =>
    `Lamento mucho lo ocurrido. Ya le pasé su mensaje al equipo de ${business} y alguien se comunicará con usted pronto.`,
  person: (business, phone) =>
    `Claro. Alguien de ${business} se comunicará con usted pronto.${phone ? ` También puede llamar al ${phone}.` : ""}`,
  unanswerable: (business) =>
    `Buena pregunta. Para no adivinar, se la pasé al equipo de ${business} y alguien le responderá pronto.`,
  notUnderstood: (business) => `¡Gracias por su mensaje! Alguien de ${business} le responderá pronto.`,
  photo: (business) => `¡Gracias, lo recibimos! Alguien de ${business} lo revisará y le responderá.`,
  optOut: (business) =>
    `${business}: ya no recibirá más mensajes de nosotros. Responda START para volver a suscribirse.`,
  taken: (start, starts) => `Lo siento, ${start} ya no está disponible. Tengo ${starts}. ¿Cuál le queda mejor?`,
  tooFar: (service) =>
    `Todavía no puedo agendar ${service} con tanta anticipación. ¿Qué día de las próximas semanas le sirve?`,
};

export function words(language: Language): Words {
  return language === "es" ? es : en;
}

/** "A, B or C" / "A, B o C". */
export function list(items: readonly string[], language: Language): string {
  const or = language === "es" ? " o " : " or ";
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")}${or}${items.at(-1)}`;
}
