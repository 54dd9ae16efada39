import path from 'node:path';

/** The shared corpus sits beside the repository (`../shared/corpus`), in development and in CI alike. */
export const CORPUS_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
export const PRIDE_AND_PREJUDICE = path.join(CORPUS_DIR, 'pride-and-prejudice.txt');
