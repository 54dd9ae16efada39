/**
 * n2words ships per-locale ES modules behind a package "exports" map that TypeScript's node10 resolution cannot read;
 * these declarations cover the three locales we load.
 */
interface N2WordsLocale {
  toCardinal(value: number | string | bigint, options?: { gender?: 'masculine' | 'feminine'; and?: boolean }): string;
  toOrdinal(value: number | string | bigint, options?: { gender?: 'masculine' | 'feminine' }): string;
}
declare module 'n2words/en-US' {
  export const toCardinal: N2WordsLocale['toCardinal'];
  export const toOrdinal: N2WordsLocale['toOrdinal'];
}
declare module 'n2words/es-ES' {
  export const toCardinal: N2WordsLocale['toCardinal'];
  export const toOrdinal: N2WordsLocale['toOrdinal'];
}
declare module 'n2words/pt-PT' {
  export const toCardinal: N2WordsLocale['toCardinal'];
  export const toOrdinal: N2WordsLocale['toOrdinal'];
}
