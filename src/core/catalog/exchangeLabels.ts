import { languages } from '../languages';
import type { ExchangeFieldWording, ExchangeWording, ForwardWording } from '../languages/types';

/*
 * Exchange's NDR wording and Outlook's forward labels, gathered from the language files
 * (src/core/languages/<tag>.ts, one per language) into the shapes the Exchange decoder and the
 * forward reader read. The words themselves live only in the language files.
 */

export interface ExchangeLabels extends ExchangeWording {
  readonly language: string;
}

export const exchangeLabels: readonly ExchangeLabels[] = languages.flatMap((l) =>
  l.exchange ? [{ language: l.tag, ...l.exchange }] : [],
);

/** Every language's label for one field, English first, each once. */
function fieldLabels(field: keyof ExchangeFieldWording): readonly string[] {
  return [...new Set(languages.flatMap((l) => l.exchangeFields?.[field] ?? []))];
}

/** Labels inside the enhanced layout's details blocks, all languages (English first). */
export const enhancedFieldLabels: { readonly [F in keyof ExchangeFieldWording]: readonly string[] } = {
  error: fieldLabels('error'),
  rejectedBy: fieldLabels('rejectedBy'),
  generatedBy: fieldLabels('generatedBy'),
  remoteServer: fieldLabels('remoteServer'),
  statusCode: fieldLabels('statusCode'),
  recipientAddress: fieldLabels('recipientAddress'),
  senderAddress: fieldLabels('senderAddress'),
  subject: fieldLabels('subject'),
  createdDate: fieldLabels('createdDate'),
};

/** Outlook's header block above an inline-forwarded message, per language. */
export interface ForwardLabels extends ForwardWording {
  readonly language: string;
}

export const forwardLabels: readonly ForwardLabels[] = languages.flatMap((l) =>
  l.forward ? [{ language: l.tag, ...l.forward }] : [],
);
