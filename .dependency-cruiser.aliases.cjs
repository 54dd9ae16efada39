/**
 * Module aliases dependency-cruiser resolves besides the root tsconfig's: the web's `@core/*` (web/tsconfig.json and
 * web/vite.config.ts), so the rule about what the web may import sees the real core modules.
 */
const path = require('node:path');

module.exports = {
  resolve: {
    alias: { '@core': path.resolve(__dirname, 'core') },
    extensions: ['.ts', '.tsx', '.js', '.json'],
  },
};
