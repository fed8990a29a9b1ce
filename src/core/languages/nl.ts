import type { NdrLanguage } from './types';

/**
 * Dutch: every word the analyser reads in a Dutch bounce. Input recognition only (the
 * texts we show live in src/i18n). Exchange wording confidence: see ExchangeWording.
 */
export const nl: NdrLanguage = {
  tag: 'nl',
  functionWords: [
    'de',
    'het',
    'een',
    'van',
    'niet',
    'uw',
    'bericht',
    'is',
    'kan',
    'worden',
    'bezorgd',
    'volgende',
    'naar',
    'aan',
    'deze',
    'voor',
  ],
  subjectOpenings: [/onbestelbaar/],
  subjectWords: [],
  bouncePhrases: [/kan niet worden bezorgd/],
  reportOpeners: [],
  delayWords: [/vertraagd/],
  attachmentNames: [/onbestelbaar/],
  lureWording: [
    /(?:berichten|e-?mails?|mails?)\s+(?:vrijgeven|ophalen|herstellen|bekijken|vrij te geven|op te halen)/,
    /(?:berichten|e-?mails?)\s+(?:zijn|worden|staan)\s+(?:in de wacht|vastgehouden|geblokkeerd|in quarantaine)/,
    /(?:mailbox|opslag)\s+(?:is\s+)?(?:vol|bijna vol)[^.\n]{0,80}(?:upgrade|vergroot|klik|log in|aanmelden)/,
    /wachtwoord\s+(?:verloopt|is verlopen)/,
    /(?:account|mailbox)\s+(?:wordt|is)\s+(?:opgeschort|gesloten|geblokkeerd|gedeactiveerd)/,
    /(?:verifieer|bevestig)\s+(?:uw\s+|je\s+)?(?:account|identiteit|mailbox|e-?mailadres)/,
  ],
  reasonPhrases: {},
  exchange: {
    confidence: 'M',
    subjectPrefixes: ['Onbestelbaar:', 'Niet bezorgd:', 'Vertraagd:'],
    firstLines: [
      'Uw bericht kan niet worden bezorgd bij de volgende geadresseerden of groepen:',
      'Bezorging is mislukt voor deze ontvangers of groepen:',
    ],
    diagnosticHeadings: [
      'Diagnostische gegevens voor beheerders:',
      'Diagnostische informatie voor beheerders:',
    ],
    generatingServer: ['Bronserver:', 'Genererende server:'],
    receivingServer: ['Ontvangende server:'],
    originalHeaders: ['Oorspronkelijke berichtkoppen:', 'Oorspronkelijke berichtheaders'],
    enhancedHeadline: [
      /^Uw bericht aan (.+?) kan niet worden bezorgd\.?/i,
      /^Je bericht aan (.+?) kan niet worden bezorgd\.?/i,
    ],
    enhancedAdminHeading: ['Meer informatie voor e-mailbeheerders', 'Meer info voor e-mailbeheerders'],
    enhancedErrorDetails: ['Foutdetails', 'Details van de fout'],
    enhancedOriginalDetails: [
      'Details van oorspronkelijk bericht',
      'Gegevens van het oorspronkelijke bericht',
    ],
    enhancedHops: ['Berichthops'],
    delayLines: ['Bezorging is vertraagd voor deze ontvangers of groepen:'],
  },
  exchangeFields: {
    error: ['Fout:', 'Gerapporteerde fout:'],
    rejectedBy: ['Bericht geweigerd door:'],
    generatedBy: ['DSN gegenereerd door:', 'Verzonden door:'],
    remoteServer: ['Externe server:'],
    statusCode: ['Statuscode:'],
    recipientAddress: ['Adres van geadresseerde:', 'Ontvangeradres:'],
    senderAddress: ['Adres van afzender:', 'Afzenderadres:'],
    subject: ['Onderwerp:'],
    createdDate: ['Aanmaakdatum:', 'Datum gemaakt:'],
  },
  forward: { from: ['Van'], sent: ['Verzonden', 'Datum'], to: ['Aan'], subject: ['Onderwerp'] },
};
