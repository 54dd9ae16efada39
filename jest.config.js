/** Jest runs TypeScript through SWC (fast, no type checking: `npm run lint` type-checks). */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/core',
    '<rootDir>/adapters',
    '<rootDir>/functions',
    '<rootDir>/orchestrations',
    '<rootDir>/local',
    '<rootDir>/test',
  ],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(jose|music-metadata|strtok3|token-types|file-type|peek-readable|@tokenizer|uint8array-extras|n2words|htmlparser2|entities|domhandler|domelementtype|domutils|dom-serializer)/)',
  ],
  testTimeout: 120000,
};
