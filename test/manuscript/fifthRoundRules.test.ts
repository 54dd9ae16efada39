import { parseManuscript } from '../../adapters/manuscript';
import { jestBudgetCheck } from '../support/jestBudget';

/**
 * The rules the fifth held-out round of chapter fixtures brought (test/manuscript/fixtures/fifthRound.ts), one by one,
 * with the cases they must leave alone and hostile input read in linear time.
 */
const prose = 'The wind came down from the hills and the whole village listened to it all night long.';
/** Far above a linear read of a megabyte, far below a quadratic one (test/support/jestBudget.ts). */
const HOSTILE_BUDGET_MS = 10_000;
const MEGABYTE = 1024 * 1024;

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
