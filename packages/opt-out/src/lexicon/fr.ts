/**
 * French. Twilio filters ARRET / ARRETE / ARRETT on long codes (twilio.com/docs/proxy/opt-out-keywords
 * lists "STOP, UNSUBSCRIBE, END, CANCEL, QUIT, STOPALL, ARRETT, ARRET, ARRETE"); Canadian carriers and
 * Advanced Opt-Out French lists add ARRETER, DESABONNER, DESINSCRIRE (opt-out), COMMENCER (opt-in) and
 * AIDE (help). STOP is used in French as is.
 */
import { type Lexicon, rule, TEXT_WORDS } from "./types.ts";

const M = String.raw`(messages?|sms|textos?|textes?|texto|notifications?|notifs|rappels|pubs?|publicites?|promos?|promotions|offres|relances|spams?|courriels? textes?)`;
const DET = String.raw`((aux|les|vos|ces|des|de|d|tes|tous les|toutes les|tous vos|toutes vos|aucun|aucune|plus de|plus d|la|le|votre|ce|cette)\s+)?`;
const SEND = String.raw`(envoyer|envoyez|ecrire|texter|contacter|spammer|harceler|appeler|deranger|relancer|solliciter|importuner|textoter|m envoyer|m ecrire|me contacter|me texter|me deranger|me harceler|me relancer|nous envoyer|nous contacter|m appeler|me spammer)`;

export const fr: Lexicon = {
  language: "fr",
  markers: [
    "je", "ne", "pas", "plus", "vous", "moi", "merci", "svp", "mon", "les", "des", "est", "et", "arretez", "recevoir",
    "envoyer", "veux", "suis", "j", "n", "l", "d", "qu", "c", "votre", "vos", "ce", "cette", "bonjour", "numero",
    "rendez", "avec", "sur", "une", "pour", "il", "te", "plait", "mais", "oui", "etre", "nous", "m",
  ],
  optOutKeywords: ["ARRET", "ARRETE", "ARRETT", "ARRETER", "ARRETEZ", "DESABONNER", "DESINSCRIRE"],
  optInKeywords: ["COMMENCER"],
  helpKeywords: ["AIDE"],
  bareRevocations: [
    "arret", "arrete", "arrett", "arreter", "arretez", "arrete ca", "arretez ca", "arretez tout", "stop", "stoppez",
    "cessez", "fin", "desabonner", "desabonnement", "desabonnez moi", "desabonne moi", "me desabonner", "desinscrire",
    "desinscription", "desinscrivez moi", "desinscris moi", "me desinscrire", "retirez moi", "supprimez moi",
    "enlevez moi", "plus de sms", "plus de messages", "plus de textos", "mauvais numero", "laissez moi tranquille",
    "fichez moi la paix", "foutez moi la paix", "stop merci", "arret merci",
  ],
  bareAmbiguous: ["ca suffit", "assez", "pas interesse", "pas interessee", "je ne suis pas interesse"],
  courtesy: [
    "svp", "stp", "s il vous plait", "s il te plait", "sil vous plait", "sil te plait", "merci", "merci beaucoup",
    "bonjour", "bonsoir", "maintenant", "tout de suite", "immediatement", "desole", "desolee", "ok", "d accord",
    "oui", "merci bien", "cordialement", "svp merci", "allo",
  ],
  revocations: [
    // "arrêtez de m'envoyer des messages", "cessez de me contacter"
    rule("arreter_de", String.raw`\b(arretez|arrete|arreter|arretes|arret|cessez|cesse|cesser|stoppez|stop|stopper|arretons|merci d arreter|veuillez arreter|pouvez vous arreter) (de |d )?(m |me |nous )?${SEND}\b`),
    rule("arreter_object", String.raw`\b(arretez|arrete|arreter|arret|cessez|cesser|stoppez|stop|stopper|fin|annulez|annuler|annule|supprimez|supprimer|desactivez|desactiver|bloquez|assez de|marre de|marre des) ${DET}${M}\b`),
    // "ne m'envoyez plus de messages", "ne me contactez plus", "ne m'écrivez plus"
    rule("ne_plus", String.raw`\b(ne|n) (m |me |nous )?(envoyez|envoie|envoyer|ecrivez|ecris|contactez|contacte|textez|texte|appelez|derangez|relancez|spammez|sollicitez) (jamais )?plus\b`),
    // "je ne veux plus recevoir de SMS", "je ne souhaite plus être contacté", "nous ne voulons plus vos messages"
    rule("ne_veux_plus", String.raw`\b(je ne|j ne|nous ne|on ne|ne) (veux|veut|voulons|souhaite|souhaitons|desire|desirons) plus (recevoir|etre (contacte|contactee|contactes|derange|derangee|sollicite|sollicitee|relance|relancee)|de (sms|messages|textos|nouvelles|vos)|d (sms|appels)|vos|ces|les|aucun|aucune|rien recevoir|que vous (m|me))\b`),
    rule("ne_veux_pas_object", String.raw`\b(je ne|nous ne|ne|je) (veux|voulons|souhaite|souhaitons) (pas|aucun|aucune|jamais|plus) (recevoir )?(de |d |vos |ces |les |des |aucun |aucune )?${M}\b`),
    rule("desabonner", String.raw`\b(desabonn\w*|desinscri\w*|desincri\w*|desabon\w*|me retirer de (la|votre|vos) (liste|listes)|opt out)\b`),
    rule("retirer_liste", String.raw`\b(retirez|retire|retirer|supprimez|supprime|supprimer|enlevez|enleve|enlever|effacez|efface|effacer|rayez|sortez|sors) (moi|mon numero|mon nom|mes coordonnees|mon contact|ce numero|nous) (de |d |des )?(votre |la |vos |cette |ta |tes |toutes vos |vos |la liste d )?(liste|listes|base|base de donnees|fichier|fichiers|repertoire|contacts|systeme|envois|diffusion|messages|sms)\b`),
    rule("supprimer_numero", String.raw`\b(retirez|supprimez|supprime|supprimer|effacez|efface|oubliez|oublie|perdez) (mon|ce) (numero|telephone|portable|contact)\b(?! (du|de|sur) (la|mon|le) (rendez|reservation|compte|dossier))`),
    rule("bare_retirez", String.raw`^(svp |merci de )?(retirez|supprimez|enlevez|effacez|desinscrivez|desabonnez) moi( (svp|merci|s il vous plait|maintenant))*$`),
    rule("mauvais_numero", String.raw`\b(mauvais numero|faux numero|erreur de numero|mauvaise personne|trompe de numero|trompes de numero|trompee de numero|trompez de numero|pas le bon numero|ce n est pas (mon|le) numero de|je ne suis pas (cette personne|la bonne personne))\b`),
    rule("consentement", String.raw`\b(je retire|retire|retirer|je revoque|revoque|revoquer|j annule|annule) (mon |le |notre )?(consentement|autorisation|accord|permission)\b|\b(je ne (donne|consens) pas|pas (mon|de) consentement|je n ai jamais (consenti|accepte))\b`),
    rule("tranquille", String.raw`\b(laissez moi tranquille|laisse moi tranquille|laissez nous tranquilles|foutez moi la paix|fichez moi la paix|fiche moi la paix|foutez nous la paix|lachez moi)\b`, 0.9),
    rule("plus_de_bare", String.raw`^(svp |stp )?(plus de|pas de|plus aucun|aucun) ${M}( (svp|stp|merci|s il vous plait|s il te plait))*$`, 0.9),
    rule("stop_svp", String.raw`^(svp |stp )?(stop|arret|arretez|arrete|arreter|cessez)( (svp|stp|merci|s il vous plait|s il te plait|maintenant|tout de suite|immediatement|tout|ca|svp merci))+$`),
  ],
  ambiguous: [
    rule("pourquoi", String.raw`\bpourquoi (vous )?(m |me )?(envoyez|ecrivez|contactez|textez) (vous )?(encore|toujours|tout le temps)\b`, 0.6),
    rule("trop", String.raw`\b(trop de|tellement de) ${M}\b`, 0.6),
  ],
  guards: [
    rule("n_arretez_pas", String.raw`\b(n|ne) (arretez|arrete|arretes|cessez|cesse|stoppez|desabonnez|desinscrivez|retirez|supprimez|annulez) (pas|jamais)\b|\bne (pas|jamais) (arreter|cesser|me desabonner|me desinscrire)\b`, 0),
    rule("continuez", String.raw`\b(continuez|continue|continuer|gardez) (a |de |d )?(m |me |nous )?(envoyer|ecrire|texter|contacter|recevoir)\b`, 0),
    rule("ne_veux_pas_arreter", String.raw`\b(je ne veux pas|je veux pas|nous ne voulons pas|je ne souhaite pas) (me |nous )?(desabonner|desinscrire|arreter|cesser|ne plus recevoir|etre retire)\b`, 0),
    rule("ne_demande_pas", String.raw`\b(ne|n) (vous |te )?(demande|dis) pas (d arreter|de (me )?(desabonner|desinscrire|retirer|supprimer|cesser|stopper))\b`, 0),
    rule("autre_canal", String.raw`\b(courriels?|e ?mails?|mails?|infolettre|newsletters?|lettre d information|catalogues?|prospectus)\b`, 0, TEXT_WORDS),
  ],
  bookingTalk: /\b(rendez vous|rdv|reservation|reserver|demain|aujourd hui|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|heure|heures|\d{1,2}h|prix|devis|service|lavage|adresse|arriver|retard|\d{1,2})\b/,
};
