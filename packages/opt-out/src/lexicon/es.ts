/**
 * Spanish. Twilio's defaults are English only; its Advanced Opt-Out lets a Messaging Service add
 * keywords per language (twilio.com/docs/messaging/tutorials/advanced-opt-out), and Spanish-speaking
 * carriers' and platforms' lists use PARAR, DETENER, CANCELAR, BAJA, ALTO (opt-out), COMENZAR, INICIAR
 * (opt-in), AYUDA (help). CANCELAR alone is treated like English CANCEL; "cancelar la cita" is an
 * appointment and no rule takes it.
 */
import { type Lexicon, rule, TEXT_WORDS } from "./types.ts";

const M = String.raw`(mensajes?|mensajitos|msjs?|mjs|textos?|sms|notificaciones|avisos|recordatorios|promociones|promos|publicidad|ofertas|anuncios|spam|whatsapps?)`;
const DET = String.raw`((los|las|estos|estas|esos|esas|sus|tus|mis|todos los|todos sus|todos estos|mas|ningun|ningunos|ninguna|otro|otros|sus|el|la|este|de|del|de los|de sus|de estos)\s+)?`;
const SEND = String.raw`(enviar|enviarme|enviarnos|envia|mandar|mandarme|mandarnos|escribir|escribirme|escribirnos|textear|textearme|contactar|contactarme|contactarnos|llamar|llamarme|molestar|molestarme|molestarnos|spamear|spamearme|mensajear|mensajearme|fastidiar|fastidiarme)`;

export const es: Lexicon = {
  language: "es",
  markers: [
    "por", "favor", "que", "quiero", "mas", "mensajes", "ya", "los", "las", "el", "mi", "mis", "deja", "dejen", "gracias",
    "baja", "del", "una", "esta", "envien", "manden", "cita", "numero", "no", "me", "de", "la", "para", "con", "es",
    "se", "mandar", "enviar", "recibir", "textos", "usted", "ustedes", "su", "sus", "hola", "porfa", "nada", "estoy",
  ],
  optOutKeywords: ["PARAR", "DETENER", "CANCELAR", "BAJA", "ALTO"],
  optInKeywords: ["COMENZAR", "INICIAR", "REANUDAR"],
  helpKeywords: ["AYUDA"],
  bareRevocations: [
    "parar", "para", "paren", "pare", "parale", "detener", "detente", "detenganse", "alto", "baja", "cancelar", "cancela",
    "cancelen", "fin", "no mas", "ya no mas", "no mas mensajes", "darme de baja", "dame de baja", "denme de baja",
    "de baja", "dar de baja", "eliminar", "eliminarme", "eliminame", "borrar", "borrarme", "borrame", "desuscribir",
    "desuscribirme", "desuscribeme", "desinscribir", "desinscribirme", "salir", "sacame", "sacarme", "quitame",
    "quitarme", "ya basta de mensajes", "numero equivocado", "dejenme en paz", "dejame en paz", "stop",
  ],
  bareAmbiguous: ["basta", "ya basta", "no me interesa", "no estoy interesado", "no estoy interesada"],
  courtesy: [
    "por favor", "porfa", "porfavor", "xfa", "xfavor", "pf", "gracias", "muchas gracias", "ya", "ahora", "ahora mismo",
    "inmediatamente", "ya mismo", "hola", "buenas", "buenos dias", "buenas tardes", "disculpe", "perdon", "senor",
    "senora", "ok", "okay", "si", "bueno", "de inmediato", "gracias por todo",
  ],
  revocations: [
    // "deja de enviarme mensajes", "dejen de escribirme", "paren de mandarme textos"
    rule("dejar_de", String.raw`\b(deja|dejen|deje|dejar|dejes|para|paren|pare|parar|detener|deten|detengan|basta|cese|cesen|cesar|termina|terminen|dejan) de ${SEND}\w*\b`),
    rule("dejar_de_object", String.raw`\b(deja|dejen|deje|dejar|para|paren|pare|parar|detengan|deten|basta|cesen|no mas|ya no mas|ya basta|suficiente|cancelen|cancela|cancelar|cancelo|detener|eliminen|elimina|eliminar|quiten|quita|suspendan|suspender|terminen) (de |con )?${DET}${M}\b`),
    // "no me manden más mensajes", "no me escriban más", "no me envíen nada"
    rule("no_me_manden", String.raw`\b(no|nunca|ya no) (me |nos )?(manden|mandes|mande|envien|envies|envie|escriban|escribas|escriba|contacten|contactes|contacte|textees|texteen|llamen|molesten|molestes|moleste|vuelvan a (mandar|enviar|escribir|contactar|llamar)\w*|vuelvas a \w+)( ningun)? (mas|nada|ningun|ninguno|ninguna|otro|otra|de nuevo|nunca|otra vez|${M})\b`),
    rule("no_me_manden_end", String.raw`\b(no|nunca|ya no) (me |nos )(manden|mandes|mande|envien|envies|envie|escriban|escribas|escriba|contacten|contactes|contacte|texteen|molesten|molestes)$`, 0.9),
    // "no quiero recibir más mensajes", "ya no deseo sus textos", "no quiero que me escriban"
    rule("no_quiero", String.raw`\b(no|ya no|nunca) (quiero|deseo|necesito|queremos|deseamos|acepto|autorizo) (recibir |seguir recibiendo |tener |que me (sigan )?(manden|envien|escriban|contacten|lleguen) |que me sigan (mandando|enviando|escribiendo) |mas )?(mas )?${DET}${M}\b`),
    rule("no_quiero_que", String.raw`\b(no|ya no) (quiero|deseo|queremos) que (me |nos )?(sigan )?(escriban|manden|envien|contacten|textean|texteen|molesten|llamen|mandando|enviando|escribiendo)\b`),
    rule("no_quiero_ser", String.raw`\b(no|ya no) (quiero|deseo) (ser contactad[oa]|estar en (su|la|esta) lista|recibir nada)\b`),
    rule("baja", String.raw`\b(de baja|darme de baja|darnos de baja|dar de baja|denme de baja|dame de baja|me doy de baja|me quiero dar de baja)\b`),
    rule("sacar_lista", String.raw`\b(sacame|sacarme|saquenme|saqueme|quitame|quitarme|quitenme|quiteme|borrame|borrarme|borrenme|borreme|eliminame|eliminarme|eliminenme|elimineme|remueveme|remuevanme|retirame|retirenme|excluyanme|sacar|quitar|borrar|eliminar|retirar) (mi numero |mi telefono |mi nombre |a mi )?(de|del) (su |la |tu |esta |sus |vuestra |la lista de |)?(lista|listas|base de datos|sistema|contactos|mensajes|envios|difusion|registro|directorio)\b`),
    rule("borrar_numero", String.raw`\b(borren|borra|borre|borrar|eliminen|elimina|eliminar|elimine|quiten|quita|quitar|pierdan|pierde|olvidense de|olvida) (mi|este) (numero|telefono|celular|contacto)\b(?! (de|en) (la|mi) (cita|reserva|cuenta))`),
    rule("equivocado", String.raw`\b(numero equivocado|persona equivocada|se equivocaron de (numero|persona)|se equivoco de (numero|persona)|este no es (el numero|mi numero) de|no soy (esa persona|quien buscan)|equivocados de numero)\b`),
    rule("consentimiento", String.raw`\b(revoco|retiro|revocar|retirar|cancelo|anulo|revocamos|retiramos) (mi |el |nuestro )?(consentimiento|autorizacion|permiso)\b|\bno (doy|di|tengo|otorgo) (mi )?(consentimiento|autorizacion|permiso)\b`),
    rule("desuscribir", String.raw`\b(desuscrib\w*|desinscrib\w*|desuscripcion|darme de alta no|cancelar (mi |la )?suscripcion (a|de) (los |sus )?${M})\b`),
    rule("en_paz", String.raw`\b(dejenme en paz|dejame en paz|dejeme en paz|no me molesten mas|no me molesten|no molesten mas)\b`, 0.9),
    rule("no_mas_bare", String.raw`^(por favor |porfa )?(no mas|ya no mas|nada mas de (mensajes|textos))( (por favor|porfa|gracias))*$`, 0.9),
  ],
  ambiguous: [
    rule("por_que_escriben", String.raw`\bpor ?que (me )?(siguen|sigue|siempre) (escribiendo|mandando|enviando|textando)\b`, 0.6),
    rule("demasiados", String.raw`\b(demasiados|tantos) ${M}\b`, 0.6),
  ],
  guards: [
    rule("no_dejes_de", String.raw`\b(no|nunca) (me |nos )?(dejes|dejen|deje|pares|paren|pare|detengan|detenga) de\b|\bno (quiero|queremos|deseo) (dejar de|cancelar (mis |los |sus )?(mensajes|textos|recordatorios)|darme de baja|darnos de baja|que (paren|dejen|me den de baja))\b`, 0),
    rule("no_pido", String.raw`\bno (estoy pidiendo|pido|les pido|le pido|te pido|quiero decir) (que )?(paren|dejen|parar|dejar|baja|darme)\b`, 0),
    rule("sigan", String.raw`\b(sigan|siga|sigue|continuen|continue) (enviando|mandando|escribiendo|mandandome|enviandome|escribiendome)\b`, 0),
    rule("no_quise", String.raw`\bno (quise|queria|fue mi intencion) (decir |poner |escribir |mandar )?(parar|stop|alto|baja|darme de baja)\b`, 0),
    rule("otro_canal", String.raw`\b(correo|correos|e ?mails?|email|boletin|boletines|newsletter|revista|catalogo)\b`, 0, TEXT_WORDS),
  ],
  bookingTalk: /\b(cita|citas|reserva|reservar|agendar|horario|manana|hoy|lunes|martes|miercoles|jueves|viernes|sabado|domingo|hora|precio|cotizacion|servicio|lavado|detallado|direccion|llegar|tarde|\d{1,2})\b/,
};
