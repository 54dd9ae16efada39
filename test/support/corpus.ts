import path from 'node:path';

/**
 * The development corpus: public-domain books (with the facts each one is checked against) that tests and benchmarks
 * read. It is not part of the repository; it sits beside it, in development and in CI alike, and `KHIPU_CORPUS_DIR`
 * points elsewhere when it lives somewhere else.
 */
export const CORPUS_DIR = process.env.KHIPU_CORPUS_DIR
  ? path.resolve(process.env.KHIPU_CORPUS_DIR)
  : path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
export const PRIDE_AND_PREJUDICE = path.join(CORPUS_DIR, 'pride-and-prejudice.txt');
