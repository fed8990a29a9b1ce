import type { NdrLanguage } from './types';

/**
 * French: every word the analyser reads in a French bounce. Input recognition only (the
 * texts we show live in src/i18n). Exchange wording confidence: see ExchangeWording.
 */
export const fr: NdrLanguage = {
  tag: 'fr',
  functionWords: [
    'le',
    'la',
    'les',
    'de',
    'votre',
    'message',
    'pas',
    'été',
    'à',
    'ces',
    'destinataires',
    'remise',
    'est',
    'pour',
    'des',
    'une',
  ],
  subjectOpenings: [/non remis/],
  subjectWords: [],
  bouncePhrases: [/n'a pas pu être remis/],
  reportOpeners: [],
  delayWords: [/retardée/],
  attachmentNames: [/non remis/],
  lureWording: [
    /(?:libérer|récupérer)\s+(?:vos\s+)?(?:messages|e-?mails)/,
    /(?:votre\s+)?compte\s+(?:sera|a été)\s+(?:suspendu|désactivé|fermé)/,
  ],
  reasonPhrases: {
    mailboxfull: [/boite (?:aux lettres )?pleine|boîte (?:aux lettres )?pleine/],
    suspend: [/compte du destinataire est bloque/],
    userunknown: [/utilisateur inconnu|adresse inconnue|destinataire inconnu/],
  },
  exchange: {
    confidence: 'H',
    subjectPrefixes: ['Non remis :', 'Non remis:', 'Remise différée :'],
    firstLines: [
      'Échec de la remise pour ces destinataires ou groupes :',
      'La remise aux destinataires ou groupes suivants a échoué :',
    ],
    diagnosticHeadings: [
      'Informations de diagnostic pour les administrateurs :',
      'Informations de diagnostic pour les administrateurs:',
    ],
    generatingServer: ['Serveur de génération :', 'Serveur de génération:'],
    receivingServer: ['Serveur de réception :', 'Serveur de réception:'],
    originalHeaders: [
      "En-têtes de message d'origine :",
      "En-têtes de message d'origine:",
      "En-têtes du message d'origine",
    ],
    enhancedHeadline: [/^Votre message à (.+?) n(?:'|’)a pas pu être remis\.?/i],
    enhancedAdminHeading: ["Plus d'informations pour les administrateurs de messagerie"],
    enhancedErrorDetails: ["Détails de l'erreur"],
    enhancedOriginalDetails: ["Détails du message d'origine"],
    enhancedHops: ['Sauts de message'],
    delayLines: ['La remise est retardée pour ces destinataires ou groupes :'],
  },
  exchangeFields: {
    error: ['Erreur :', 'Erreur signalée :'],
    rejectedBy: ['Message rejeté par :'],
    generatedBy: ['DSN générée par :', 'Envoyé par :'],
    remoteServer: ['Serveur distant :'],
    statusCode: ['Code d’état :', "Code d'état :"],
    recipientAddress: ['Adresse du destinataire :'],
    senderAddress: ["Adresse de l'expéditeur :"],
    subject: ['Objet :'],
    createdDate: ['Date de création :'],
  },
  forward: { from: ['De'], sent: ['Envoyé', 'Date'], to: ['À', 'A'], subject: ['Objet'] },
};
