import { parseManuscript } from '../../adapters/manuscript';
import { describe as describeChapters } from '../../bench/chapters/score';
import { detectChapters } from '../../core/manuscript/chapters';
import { jestBudgetCheck } from '../support/jestBudget';

/**
 * The rules the fifth held-out round of chapter fixtures brought (test/manuscript/fixtures/fifthRound.ts), one by one,
 * with the cases they must leave alone and hostile input read in linear time.
 */
const prose = 'The wind came down from the hills and the whole village listened to it all night long.';
/** Far above a linear read of a megabyte, far below a quadratic one (test/support/jestBudget.ts). */
const HOSTILE_BUDGET_MS = 10_000;
const MEGABYTE = 1024 * 1024;

const titlesOf = async (source: string | Buffer, fileName: string, language = 'en-GB') => {
  const parsed = await parseManuscript(Buffer.isBuffer(source) ? source : Buffer.from(source), { fileName, language });
  return describeChapters(parsed.text, detectChapters(parsed, { language })).map((c) => c.title);
};

describe('a heading block holding a number in words', () => {
  const html = (headings: string) => `<html><body><h1>The Ferry</h1><p>Ann Reed</p>${headings}</body></html>`;
  const chapter = (number: string, title: string, level = 3) =>
    `<h2>${number}</h2><h${level}>${title}</h${level}><p>${prose}</p>`;

  it('takes the deeper heading under it as its title, in any language the numbers are read in', async () => {
    const english = html(chapter('ONE', 'The Crossing') + chapter('TWO', 'The Inn'));
    expect(await titlesOf(english, 'b.html')).toEqual(['Title page', 'ONE: The Crossing', 'TWO: The Inn']);
    const spanish = html(chapter('Doce', 'La posada') + chapter('Trece', 'El faro'));
    expect(await titlesOf(spanish, 'b.html', 'es-ES')).toEqual(['Portada', 'Doce: La posada', 'Trece: El faro']);
  });

  it('keeps its own name over a heading as high as itself, or over one that is a heading of its own', async () => {
    const same = html(chapter('One', 'The Crossing', 2) + chapter('Two', 'The Inn', 2));
    expect(await titlesOf(same, 'b.html')).toEqual(['Title page', 'One', 'The Crossing', 'Two', 'The Inn']);
    const own = html(chapter('ONE', 'Chapter 1') + chapter('TWO', 'Chapter 2'));
    expect(await titlesOf(own, 'b.html')).not.toContain('ONE: Chapter 1');
  });
});

describe('Markdown written for pandoc', () => {
  it('reads a heading without its attributes, ATX or setext, and a span without its brackets', async () => {
    const source = [
      '# Prologue {.unnumbered}',
      prose,
      '# The Keeper {#keeper .chapter data-page="3"}',
      `[The lamp]{.smallcaps} was lit at dusk. ${prose}`,
      'The Storm {-}\n===',
      prose,
    ].join('\n\n');
    const parsed = await parseManuscript(Buffer.from(source), { fileName: 'b.md' });
    expect(parsed.text).toBe(
      ['Prologue', prose, 'The Keeper', `The lamp was lit at dusk. ${prose}`, 'The Storm', prose].join('\n\n'),
    );
  });

  it('keeps braces that are not attributes: a heading about sets, a span of prose in brackets', async () => {
    const source = ['# Sets {a, b}', '# Pairs {#x y}', 'He wrote [the date]{and the hour} on the slate.'].join('\n\n');
    const parsed = await parseManuscript(Buffer.from(source), { fileName: 'b.md' });
    expect(parsed.text).toBe(
      ['Sets {a, b}', 'Pairs {#x y}', 'He wrote [the date]{and the hour} on the slate.'].join('\n\n'),
    );
  });

  it('drops the fences of divs (an epigraph set in one) and keeps what they hold', async () => {
    const source = [
      '# The Keeper',
      '::: epigraph',
      '> The sea has many voices.',
      ':::',
      ':::: {.scene #s1}',
      prose,
      '::::',
      '::: not a fence, a line of prose: with colons :::',
    ].join('\n\n');
    const parsed = await parseManuscript(Buffer.from(source), { fileName: 'b.md' });
    expect(parsed.text).toBe(
      ['The Keeper', 'The sea has many voices.', prose, '::: not a fence, a line of prose: with colons :::'].join(
        '\n\n',
      ),
    );
  });

  it(
    'reads a megabyte of brackets, braces and colons in linear time (links’ brackets too)',
    async () => {
      const runs = [
        `# Title ${'{'.repeat(MEGABYTE)}}`,
        `# Title {${'#a '.repeat(MEGABYTE / 3)}"}`,
        `${'['.repeat(MEGABYTE)}]{.x}`,
        `${'!['.repeat(MEGABYTE / 2)}](x)`,
        `${'[a]('.repeat(MEGABYTE / 4)}`,
        `${'[a]{'.repeat(MEGABYTE / 4)}`,
        `::: a${':'.repeat(MEGABYTE)} b`,
      ];
      for (const run of runs) {
        const parsed = await parseManuscript(Buffer.from(`# Chapter 1\n\n${run}\n\n# Chapter 2\n\n${prose}`), {
          fileName: 'b.md',
        });
        await jestBudgetCheck();
        expect(parsed.text.length).toBeGreaterThan(MEGABYTE / 2);
      }
    },
    HOSTILE_BUDGET_MS,
  );
});
