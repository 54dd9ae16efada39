import { afterAll, describe, expect, it } from 'vitest';
import i18n from '.';
import { resources, SUPPORTED_LANGUAGES } from './resources';

type Catalogue = { [key: string]: string | Catalogue };

function flatten(value: Catalogue, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') flat.set(path, child);
    else for (const [inner, text] of flatten(child, path)) flat.set(inner, text);
  }
  return flat;
}

/** Every counted text ("namespace:key" without its plural ending), from the reference catalogue. */
const counted = Object.entries(resources['en-US']).flatMap(([namespace, catalogue]) =>
  [...flatten(catalogue as Catalogue).keys()]
    .filter((key) => key.endsWith('_other'))
    .map((key) => ({ namespace, key: key.replace(/_other$/, '') })),
);

const values = { name: 'Ana', source: 'headings', grapheme: 'Ana', approved: 0, total: 2, shown: 0, titled: 0 };

// The keys here are read from the catalogue at run time; the typed `t` accepts only keys known when compiling.
const translate = (key: string, options: Record<string, unknown>) =>
  (i18n.t as unknown as (key: string, options: Record<string, unknown>) => string)(key, options);

afterAll(() => i18n.changeLanguage('en-US'));

describe('a count of zero', () => {
  for (const language of SUPPORTED_LANGUAGES) {
    it(`never reads as one thing in ${language}`, async () => {
      await i18n.changeLanguage(language);
      const flat = new Map(
        Object.entries(resources[language]).map(([namespace, catalogue]) => [
          namespace,
          flatten(catalogue as Catalogue),
        ]),
      );
      const singularForZero = counted.filter(({ namespace, key }) => {
        const texts = flat.get(namespace)!;
        const one = texts.get(`${key}_one`);
        if (one === undefined || one === texts.get(`${key}_other`)) return false;
        const options = { ...values, count: 0, formatted: '0', ns: namespace };
        return translate(key, options) === translate(`${key}_one`, options);
      });
      expect(singularForZero.map(({ namespace, key }) => `${namespace}:${key}`)).toEqual([]);
    });
  }

  it('says there are no open comments, in words, in every language', async () => {
    const said: Record<string, string[]> = {};
    for (const language of SUPPORTED_LANGUAGES) {
      await i18n.changeLanguage(language);
      said[language] = [
        i18n.t('openThreads', { ns: 'review', count: 0 }),
        i18n.t('totals', {
          ns: 'review',
          count: 0,
          chapters: i18n.t('approvedChapters', { ns: 'review', approved: 1, count: 2 }),
        }),
      ];
    }
    expect(said).toEqual({
      'en-US': ['No open comments', '1 of 2 chapters approved · no open comments'],
      'es-PE': ['Ningún comentario abierto', '1 de 2 capítulos aprobados · ningún comentario abierto'],
      'pt-BR': ['Nenhum comentário aberto', '1 de 2 capítulos aprovados · nenhum comentário aberto'],
    });
  });

  it('takes the plural in Portuguese where no words of its own say zero', async () => {
    await i18n.changeLanguage('pt-BR');
    expect([
      i18n.t('threads', { ns: 'plan', count: 0 }),
      i18n.t('details.chapters', { ns: 'studio', count: 0 }),
    ]).toEqual(['0 comentários', '0 capítulos']);
  });

  it("says one chapter in the singular, whatever the comments' count", async () => {
    const said: Record<string, string> = {};
    for (const language of SUPPORTED_LANGUAGES) {
      await i18n.changeLanguage(language);
      said[language] = i18n.t('totals', {
        ns: 'review',
        count: 3,
        chapters: i18n.t('approvedChapters', { ns: 'review', approved: 1, count: 1 }),
      });
    }
    expect(said).toEqual({
      'en-US': '1 of 1 chapter approved · 3 open comments',
      'es-PE': '1 de 1 capítulo aprobado · 3 comentarios abiertos',
      'pt-BR': '1 de 1 capítulo aprovado · 3 comentários abertos',
    });
  });
});
