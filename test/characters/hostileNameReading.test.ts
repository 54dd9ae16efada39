/**
 * The readings around a name added for held-out books (a participle of naming before it, "<Name> era el …" and a
 * role written short after it) read a bounded window at each name, so a megabyte of names costs a linear pass: each
 * hostile input below is read at every name it holds, within a budget far above that and far below a quadratic read.
 */
import { copulaArticleAfter, namingParticipleBefore } from '../../core/characters/genderEvidence';
import { roleNamedAt } from '../../core/characters/roleNames';
import { cpuMsSince } from '../support/jestBudget';

const HOSTILE_CPU_BUDGET_MS = 30_000;

const HANG_LIMIT_MS = 180_000;
const MEGABYTE = 1_000_000;

function offsetsOf(text: string, name: string): number[] {
  const offsets: number[] = [];
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) offsets.push(at);
  return offsets;
}

describe('hostile input around names', () => {
  it(
    'reads a megabyte of participles, copulas and appositions in linear time',
    async () => {
      const start = process.cpuUsage();
      const inputs = [
        'llamado llamada conocido como el '.repeat(MEGABYTE / 33) + 'Paquito',
        `Paquito era el${' viejo'.repeat(MEGABYTE / 6)}`,
        `. Paquito era el ${'viejo mozo Paquito era la '.repeat(MEGABYTE / 26)}`,
        `Casilda, la${' vieja'.repeat(MEGABYTE / 6)} ama que`,
        `${'Casilda, la vieja ama que, '.repeat(MEGABYTE / 27)}`,
      ];
      for (const text of inputs) {
        const name = text.includes('Casilda') ? 'Casilda' : 'Paquito';
        for (const at of offsetsOf(text, name)) {
          const end = at + name.length;
          namingParticipleBefore(text, at, 'es');
          copulaArticleAfter(text, at, end, 'es');
          roleNamedAt(text, at, end, 'es', true);
        }
      }
      expect(namingParticipleBefore(inputs[0], inputs[0].length - 'Paquito'.length, 'es')).toBe('male');
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
    },
    HANG_LIMIT_MS,
  );
});
