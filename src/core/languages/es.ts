import type { NdrLanguage } from './types';

/**
 * Spanish: every word the analyser reads in a Spanish bounce. Input recognition only (the
 * texts we show live in src/i18n). Exchange wording confidence: see ExchangeWording.
 */
export const es: NdrLanguage = {
  tag: 'es',
  functionWords: [
    'el',
    'la',
    'de',
    'no',
    'su',
    'mensaje',
    'se',
    'pudo',
    'entregar',
    'a',
    'los',
    'estos',
    'destinatarios',
    'para',
    'que',
    'por',
  ],
  subjectOpenings: [/no se puede entregar/, /no se pudo entregar/],
  subjectWords: [],
  bouncePhrases: [],
  reportOpeners: [],
  delayWords: [/retrasado/],
  attachmentNames: [],
  lureWording: [],
  reasonPhrases: {},
  exchange: {
    confidence: 'L',
    subjectPrefixes: ['No se puede entregar:', 'No se pudo entregar:', 'Retrasado:'],
    firstLines: [
      'Error en la entrega a estos destinatarios o grupos:',
      'No se pudo entregar a estos destinatarios o grupos:',
    ],
    diagnosticHeadings: [
      'Información de diagnóstico para administradores:',
      'Información de diagnóstico para los administradores:',
    ],
    generatingServer: ['Servidor de generación:', 'Servidor generador:'],
    receivingServer: ['Servidor de recepción:', 'Servidor receptor:'],
    originalHeaders: ['Encabezados de mensaje originales:', 'Encabezados del mensaje original:'],
    enhancedHeadline: [/^No se pudo entregar (?:el|su|tu) mensaje a (.+?)\.?$/i],
    enhancedAdminHeading: ['Más información para administradores de correo electrónico'],
    enhancedErrorDetails: ['Detalles del error'],
    enhancedOriginalDetails: ['Detalles del mensaje original'],
    enhancedHops: ['Saltos del mensaje'],
    delayLines: ['La entrega a estos destinatarios o grupos se ha retrasado:'],
  },
  exchangeFields: {
    error: ['Error:', 'Error notificado:'],
    rejectedBy: ['Mensaje rechazado por:'],
    generatedBy: ['DSN generado por:', 'Enviado por:'],
    remoteServer: ['Servidor remoto:'],
    statusCode: ['Código de estado:'],
    recipientAddress: ['Dirección del destinatario:'],
    senderAddress: ['Dirección del remitente:'],
    subject: ['Asunto:'],
    createdDate: ['Fecha de creación:'],
  },
  forward: { from: ['De'], sent: ['Enviado', 'Fecha'], to: ['Para'], subject: ['Asunto'] },
};
