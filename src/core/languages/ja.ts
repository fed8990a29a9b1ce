import type { NdrLanguage } from './types';

/** Japanese: the words of a Japanese bounce's subject and text (no Exchange layout recognised). */
export const ja: NdrLanguage = {
  tag: 'ja',
  functionWords: [],
  subjectOpenings: [],
  subjectWords: [
    /エラー通知/,
    /メールエラー/,
    /配信エラー/,
    /配送エラー/,
    /送信エラー/,
    /配信不能/,
    /配送不能/,
    /未達/,
    /不達/,
  ],
  bouncePhrases: [/送信できませんでした/, /配信できませんでした/, /届きませんでした/, /宛先不明/],
  reportOpeners: [],
  delayWords: [],
  attachmentNames: [],
  lureWording: [],
  reasonPhrases: {},
  exchange: null,
  exchangeFields: null,
  forward: null,
};
