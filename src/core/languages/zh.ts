import type { NdrLanguage } from './types';

/** Chinese: the words of a Chinese bounce's subject and text (no Exchange layout recognised). */
export const zh: NdrLanguage = {
  tag: 'zh',
  functionWords: [],
  subjectOpenings: [],
  subjectWords: [/退信/, /无法投递/, /投递失败/],
  bouncePhrases: [],
  reportOpeners: [],
  delayWords: [],
  attachmentNames: [],
  lureWording: [],
  reasonPhrases: {},
  exchange: null,
  exchangeFields: null,
  forward: null,
};
