import type { NdrLanguage } from './types';

/**
 * German: every word the analyser reads in a German bounce. Input recognition only (the
 * texts we show live in src/i18n). Exchange wording confidence: see ExchangeWording.
 */
export const de: NdrLanguage = {
  tag: 'de',
  functionWords: [
    'der',
    'die',
    'das',
    'und',
    'nicht',
    'ihre',
    'nachricht',
    'konnte',
    'an',
    'folgende',
    'zugestellt',
    'werden',
    'ist',
    'mit',
    'den',
    'für',
  ],
  subjectOpenings: [/nicht zustellbar/, /unzustellbar/],
  subjectWords: [],
  bouncePhrases: [/konnte nicht zugestellt/],
  reportOpeners: [],
  delayWords: [/verzögert/],
  attachmentNames: [/unzustellbar/],
  lureWording: [
    /nachrichten\s+(?:freigeben|abrufen|wiederherstellen)/,
    /(?:konto|postfach)\s+(?:wird|wurde)\s+(?:gesperrt|deaktiviert|geschlossen)/,
  ],
  reasonPhrases: {
    userunknown: [/unbekannt|existiert nicht/],
  },
  exchange: {
    confidence: 'L',
    subjectPrefixes: ['Unzustellbar:', 'Nicht zustellbar:', 'Verzögert:'],
    firstLines: [
      'Fehler bei der Nachrichtenzustellung an folgende Empfänger oder Gruppen:',
      'Die Zustellung an folgende Empfänger oder Gruppen ist fehlgeschlagen:',
    ],
    diagnosticHeadings: ['Diagnoseinformationen für Administratoren:'],
    generatingServer: ['Generierender Server:'],
    receivingServer: ['Empfangender Server:'],
    originalHeaders: [
      'Ursprüngliche Nachrichtenkopfzeilen:',
      'Ursprüngliche Nachrichtenkopfzeilen',
      'Originalnachrichtenkopfzeilen:',
    ],
    enhancedHeadline: [/^Ihre Nachricht an (.+?) konnte nicht zugestellt werden\.?/i],
    enhancedAdminHeading: ['Weitere Informationen für E-Mail-Administratoren'],
    enhancedErrorDetails: ['Fehlerdetails'],
    enhancedOriginalDetails: ['Details zur ursprünglichen Nachricht'],
    enhancedHops: ['Nachrichtenhops'],
    delayLines: ['Die Zustellung an folgende Empfänger oder Gruppen ist verzögert:'],
  },
  exchangeFields: {
    error: ['Fehler:', 'Gemeldeter Fehler:'],
    rejectedBy: ['Nachricht abgelehnt von:'],
    generatedBy: ['DSN generiert von:', 'Gesendet von:'],
    remoteServer: ['Remoteserver:'],
    statusCode: ['Statuscode:', 'Statuscode :'],
    recipientAddress: ['Empfängeradresse:'],
    senderAddress: ['Absenderadresse:'],
    subject: ['Betreff:'],
    createdDate: ['Erstellungsdatum:'],
  },
  forward: { from: ['Von'], sent: ['Gesendet', 'Datum'], to: ['An'], subject: ['Betreff'] },
};
