import type { NdrLanguage } from './types';

/**
 * Swedish: every word the analyser reads in a Swedish bounce. Input recognition only (the
 * texts we show live in src/i18n). Exchange wording confidence: see ExchangeWording.
 */
export const sv: NdrLanguage = {
  tag: 'sv',
  functionWords: [
    'det',
    'att',
    'och',
    'inte',
    'ditt',
    'meddelande',
    'kunde',
    'till',
    'följande',
    'mottagare',
    'levereras',
    'är',
    'för',
    'av',
    'en',
    'som',
  ],
  subjectOpenings: [/olevererbart/],
  subjectWords: [],
  bouncePhrases: [],
  reportOpeners: [],
  delayWords: [/fördröjt/],
  attachmentNames: [],
  reasonPhrases: {},
  exchange: {
    confidence: 'M',
    subjectPrefixes: ['Olevererbart:', 'Ej levererat:', 'Fördröjt:'],
    firstLines: ['Leveransen misslyckades till följande mottagare eller grupper:'],
    diagnosticHeadings: [
      'Diagnostisk information för administratörer:',
      'Diagnostisk information för administratörer',
    ],
    generatingServer: ['Genererande server:', 'Genererande server'],
    receivingServer: ['Mottagande server:'],
    originalHeaders: ['Ursprungshuvuden:', 'Ursprungliga meddelandehuvuden:'],
    enhancedHeadline: [/^Ditt meddelande till (.+?) kunde inte levereras\.?/i],
    enhancedAdminHeading: ['Mer information för e-postadministratörer'],
    enhancedErrorDetails: ['Felinformation', 'Felinformationen'],
    enhancedOriginalDetails: ['Information om ursprungligt meddelande'],
    enhancedHops: ['Meddelandehopp'],
    delayLines: ['Leveransen till följande mottagare eller grupper har fördröjts:'],
  },
  exchangeFields: {
    error: ['Fel:'],
    rejectedBy: ['Meddelandet avvisades av:'],
    generatedBy: ['DSN genererat av:', 'Skickat av:'],
    remoteServer: ['Fjärrserver:'],
    statusCode: ['Statuskod:'],
    recipientAddress: ['Mottagaradress:'],
    senderAddress: ['Avsändaradress:'],
    subject: ['Ämne:'],
    createdDate: ['Skapat datum:'],
  },
  forward: { from: ['Från'], sent: ['Skickat', 'Datum'], to: ['Till'], subject: ['Ämne'] },
};
