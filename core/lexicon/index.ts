export * from './lexicon';
export * from './pls';
