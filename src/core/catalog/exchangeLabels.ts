/**
 * Literal text that Exchange and Exchange Online print in their NDRs, per language. This is input
 * recognition, not UI text (docs/ndr-notes.md §6.2). Confidence: H real sample, M parser code built from
 * real samples, L documentation translation or synthetic fixture (unconfirmed wording).
 * Every string is matched case-insensitively at the start of a trimmed line unless noted.
 */
export interface ExchangeLabels {
  readonly language: string;
  readonly confidence: 'H' | 'M' | 'L';
  readonly subjectPrefixes: readonly string[];
  /** First line of the legacy layout. */
  readonly firstLines: readonly string[];
  /** "Diagnostic information for administrators:" */
  readonly diagnosticHeadings: readonly string[];
  readonly generatingServer: readonly string[];
  readonly receivingServer: readonly string[];
  readonly originalHeaders: readonly string[];
  /** Enhanced layout headline, e.g. "Your message to " … " couldn't be delivered". */
  readonly enhancedHeadline: readonly RegExp[];
  readonly enhancedAdminHeading: readonly string[];
  readonly enhancedErrorDetails: readonly string[];
  readonly enhancedOriginalDetails: readonly string[];
  readonly enhancedHops: readonly string[];
  /** Delay-notice first lines ("Delivery is delayed to these recipients or groups:"). */
  readonly delayLines: readonly string[];
}

export const exchangeLabels: readonly ExchangeLabels[] = [
  {
    language: 'en',
    confidence: 'H',
    subjectPrefixes: [
      'Undeliverable:',
      'Undelivered:',
      'Delivery has failed:',
      'Delayed:',
      'Delivery delayed:',
    ],
    firstLines: [
      'Delivery has failed to these recipients or groups:',
      'Delivery has failed to these recipients or distribution lists:',
      'Your message did not reach some or all of the intended recipients.',
    ],
    diagnosticHeadings: ['Diagnostic information for administrators:'],
    generatingServer: ['Generating server:'],
    receivingServer: ['Receiving server:'],
    originalHeaders: ['Original message headers:', 'Original Message Headers'],
    enhancedHeadline: [
      /^Your message to (.+?) couldn(?:'|’)t be delivered\.?/i,
      /^Delivery to (.+?) has been delayed\.?/i,
    ],
    enhancedAdminHeading: ['More Info for Email Admins'],
    enhancedErrorDetails: ['Error Details'],
    enhancedOriginalDetails: ['Original Message Details'],
    enhancedHops: ['Message Hops'],
    delayLines: [
      'Delivery is delayed to these recipients or groups:',
      'Delivery is delayed to these recipients or distribution lists:',
    ],
  },
  {
    language: 'nl',
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
  {
    language: 'de',
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
  {
    language: 'fr',
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
  {
    language: 'it',
    confidence: 'H',
    subjectPrefixes: ['Non recapitabile:', 'Recapito ritardato:'],
    firstLines: ['Il recapito non è riuscito per i seguenti destinatari o gruppi:'],
    diagnosticHeadings: ['Informazioni di diagnostica per gli amministratori:'],
    generatingServer: ['Server di generazione:'],
    receivingServer: ['Server di ricezione:'],
    originalHeaders: ['Intestazioni originali del messaggio:'],
    enhancedHeadline: [/^Impossibile recapitare il messaggio a (.+?)\.?$/i],
    enhancedAdminHeading: ['Altre informazioni per gli amministratori di posta elettronica'],
    enhancedErrorDetails: ["Dettagli sull'errore"],
    enhancedOriginalDetails: ['Dettagli messaggio originale'],
    enhancedHops: ['Hop messaggio'],
    delayLines: ['Il recapito è stato ritardato per i seguenti destinatari o gruppi:'],
  },
  {
    language: 'es',
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
  {
    language: 'pt',
    confidence: 'M',
    subjectPrefixes: ['Não entregue:', 'Não é possível entregar:', 'Atrasada:'],
    firstLines: ['Falha na entrega a estes destinatários ou grupos:'],
    diagnosticHeadings: ['Informações de diagnóstico para administradores:'],
    generatingServer: ['Servidor de origem:', 'Servidor gerador:'],
    receivingServer: ['Servidor de recebimento:', 'Servidor receptor:'],
    originalHeaders: ['Cabeçalhos originais da mensagem:'],
    enhancedHeadline: [/^Não foi possível entregar (?:a sua |sua )?mensagem para (.+?)\.?$/i],
    enhancedAdminHeading: ['Mais informações para administradores de email'],
    enhancedErrorDetails: ['Detalhes do erro'],
    enhancedOriginalDetails: ['Detalhes da mensagem original'],
    enhancedHops: ['Saltos da mensagem'],
    delayLines: ['A entrega a estes destinatários ou grupos está atrasada:'],
  },
  {
    language: 'sv',
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
];

/** Labels inside the enhanced layout's details blocks (English first; others L). */
export const enhancedFieldLabels = {
  error: [
    'Error:',
    'Reported error:',
    'Fout:',
    'Gerapporteerde fout:',
    'Fehler:',
    'Gemeldeter Fehler:',
    'Erreur :',
    'Erreur signalée :',
    'Errore:',
    'Error notificado:',
    'Erro:',
    'Fel:',
  ],
  rejectedBy: [
    'Message rejected by:',
    'Bericht geweigerd door:',
    'Nachricht abgelehnt von:',
    'Message rejeté par :',
    'Messaggio rifiutato da:',
    'Mensaje rechazado por:',
    'Mensagem rejeitada por:',
    'Meddelandet avvisades av:',
  ],
  generatedBy: [
    'DSN generated by:',
    'Sent by:',
    'DSN gegenereerd door:',
    'Verzonden door:',
    'DSN generiert von:',
    'Gesendet von:',
    'DSN générée par :',
    'Envoyé par :',
    'DSN generato da:',
    'Inviato da:',
    'DSN generado por:',
    'Enviado por:',
    'DSN gerado por:',
    'DSN genererat av:',
    'Skickat av:',
  ],
  remoteServer: [
    'Remote server:',
    'Externe server:',
    'Remoteserver:',
    'Serveur distant :',
    'Server remoto:',
    'Servidor remoto:',
    'Fjärrserver:',
  ],
  statusCode: [
    'Status code:',
    'Statuscode:',
    'Statuscode :',
    'Code d’état :',
    "Code d'état :",
    'Codice di stato:',
    'Código de estado:',
    'Código de status:',
    'Statuskod:',
  ],
  recipientAddress: [
    'Recipient Address:',
    'Adres van geadresseerde:',
    'Ontvangeradres:',
    'Empfängeradresse:',
    'Adresse du destinataire :',
    'Indirizzo destinatario:',
    'Dirección del destinatario:',
    'Endereço do destinatário:',
    'Mottagaradress:',
  ],
  senderAddress: [
    'Sender Address:',
    'Adres van afzender:',
    'Afzenderadres:',
    'Absenderadresse:',
    "Adresse de l'expéditeur :",
    'Indirizzo mittente:',
    'Dirección del remitente:',
    'Endereço do remetente:',
    'Avsändaradress:',
  ],
  subject: ['Subject:', 'Onderwerp:', 'Betreff:', 'Objet :', 'Oggetto:', 'Asunto:', 'Assunto:', 'Ämne:'],
  createdDate: [
    'Created Date:',
    'Aanmaakdatum:',
    'Datum gemaakt:',
    'Erstellungsdatum:',
    'Date de création :',
    'Data creazione:',
    'Fecha de creación:',
    'Data de criação:',
    'Skapat datum:',
  ],
} as const;

/** Outlook's header block above an inline-forwarded message, per language. */
export interface ForwardLabels {
  readonly language: string;
  readonly from: readonly string[];
  readonly sent: readonly string[];
  readonly to: readonly string[];
  readonly subject: readonly string[];
}

export const forwardLabels: readonly ForwardLabels[] = [
  { language: 'en', from: ['From'], sent: ['Sent', 'Date'], to: ['To'], subject: ['Subject'] },
  { language: 'nl', from: ['Van'], sent: ['Verzonden', 'Datum'], to: ['Aan'], subject: ['Onderwerp'] },
  { language: 'de', from: ['Von'], sent: ['Gesendet', 'Datum'], to: ['An'], subject: ['Betreff'] },
  { language: 'fr', from: ['De'], sent: ['Envoyé', 'Date'], to: ['À', 'A'], subject: ['Objet'] },
  { language: 'it', from: ['Da'], sent: ['Inviato', 'Data'], to: ['A'], subject: ['Oggetto'] },
  { language: 'es', from: ['De'], sent: ['Enviado', 'Fecha'], to: ['Para'], subject: ['Asunto'] },
  {
    language: 'pt',
    from: ['De'],
    sent: ['Enviado', 'Enviada em', 'Data'],
    to: ['Para'],
    subject: ['Assunto'],
  },
  { language: 'sv', from: ['Från'], sent: ['Skickat', 'Datum'], to: ['Till'], subject: ['Ämne'] },
];
