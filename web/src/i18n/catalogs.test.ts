import { describe, expect, it } from 'vitest';
import { resources, SUPPORTED_LANGUAGES } from './resources';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    keys(child, prefix ? `${prefix}.${key}` : key),
  );
}

describe('translation catalogues', () => {
  const reference = resources['en-US'];
  for (const language of SUPPORTED_LANGUAGES.filter((l) => l !== 'en-US')) {
    it(`${language} has exactly the keys of en-US in every namespace`, () => {
      for (const [namespace, catalogue] of Object.entries(resources[language])) {
        const expected = keys(reference[namespace as keyof typeof reference]).sort();
        expect({ namespace, keys: keys(catalogue).sort() }).toEqual({ namespace, keys: expected });
      }
    });
    it(`${language} keeps every {{placeholder}} of the English text`, () => {
      const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      for (const [namespace, catalogue] of Object.entries(resources[language])) {
        const flat = (value: unknown, prefix = ''): [string, string][] =>
          typeof value === 'string'
            ? [[prefix, value]]
            : Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
                flat(v, prefix ? `${prefix}.${k}` : k),
              );
        const english = new Map(flat(reference[namespace as keyof typeof reference]));
        for (const [key, text] of flat(catalogue)) {
          // A singular may say "the line" where English says "the 1 line": its count may go unsaid.
          const expected = placeholders(english.get(key) ?? '').filter(
            (name) => !(key.endsWith('_one') && name === 'count' && !text.includes('{{count}}')),
          );
          expect({ key: `${namespace}:${key}`, placeholders: placeholders(text) }).toEqual({
            key: `${namespace}:${key}`,
            placeholders: expected,
          });
        }
      }
    });
  }
});
