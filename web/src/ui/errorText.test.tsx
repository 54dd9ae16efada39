import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import i18n from '../i18n';
import { SUPPORTED_LANGUAGES } from '../i18n/resources';
import { useErrorText } from './errorText';

function errorText() {
  return renderHook(() => useErrorText()).result.current;
}

const refusal = (status: number, code: string, details: Record<string, unknown> = {}) =>
  new ApiError(status, code, 'English text for logs', [], details, 'req-1');

afterEach(async () => {
  await i18n.changeLanguage('en-US');
});

describe('server errors in the reader’s language', () => {
  it('names the monthly character quota with what was used, asked and when it resets', () => {
    const text = errorText()(
      refusal(429, 'quota_exceeded', {
        quota: 'monthlyCharacters',
        limit: 1_000_000,
        used: 990_000,
        requested: 25_000,
        remaining: 10_000,
        resetsAt: '2027-01-01T00:00:00.000Z',
      }),
    );
    expect(text).toContain('monthly character quota');
    expect(text).toContain('990,000 of 1,000,000');
    expect(text).toContain('25,000');
    expect(text).toContain('2027');
  });

  it('counts the characters running productions hold when there are some', () => {
    const text = errorText()(
      refusal(429, 'quota_exceeded', {
        quota: 'monthlyCharacters',
        limit: 100_000,
        used: 20_000,
        reserved: 70_000,
        requested: 25_000,
        remaining: 10_000,
        resetsAt: '2027-01-01T00:00:00.000Z',
      }),
    );
    expect(text).toContain('20,000 of 100,000');
    expect(text).toContain('70,000 held by productions running now');
    expect(text).toContain('25,000');
  });

  it('says an admin cannot be the last one removed, in each language', async () => {
    expect(errorText()(refusal(409, 'last_admin', { field: 'role', userId: 'usr_1' }))).toBe(
      'This would leave your organization without an active admin. Make someone else an admin first.',
    );
    await i18n.changeLanguage('pt-BR');
    expect(errorText()(refusal(409, 'last_admin', { field: 'status' }))).toContain('sem nenhum administrador ativo');
  });

  it('says the character chosen to merge into was merged away meanwhile, in each language', async () => {
    const refused = refusal(409, 'character_merged', { field: 'intoCharacterId', mergedInto: ['clara'] });
    expect(errorText()(refused)).toContain('was merged into another one meanwhile');
    await i18n.changeLanguage('es-PE');
    expect(errorText()(refused)).toContain('se fusionó con otro mientras tanto');
  });

  it('says another change of the chapter order is being saved, in each language', async () => {
    const refused = refusal(409, 'conflict', { field: 'chapterIds', reason: 'chapter_order_busy' });
    expect(errorText()(refused)).toContain('changing the order of these chapters');
    await i18n.changeLanguage('es-PE');
    expect(errorText()(refused)).toContain('cambiando el orden de estos capítulos');
    await i18n.changeLanguage('pt-BR');
    expect(errorText()(refused)).toContain('mudando a ordem destes capítulos');
  });

  it('names the concurrent productions quota and the storage quota', () => {
    const describe = errorText();
    expect(describe(refusal(429, 'quota_exceeded', { quota: 'concurrentJobs', limit: 2, running: 2 }))).toBe(
      'Your organization already runs 2 of its 2 allowed productions at once. Wait for one to finish.',
    );
    expect(
      describe(refusal(429, 'quota_exceeded', { quota: 'storageBytes', limit: 5 * 1024 ** 3, requested: 1 })),
    ).toContain('5\u00a0GB'); // a number and its unit are kept together
  });

  it('falls back to the code’s message for a quota it does not know', () => {
    expect(errorText()(refusal(429, 'quota_exceeded', { quota: 'somethingNew' }))).toBe(
      "Your organization's quota would be exceeded.",
    );
  });

  it('tells an outdated take from any other unprocessable request', () => {
    const describe = errorText();
    expect(describe(refusal(422, 'unprocessable', { reason: 'take_outdated', field: 'takeId' }))).toContain(
      'earlier text, voice or pronunciation',
    );
    expect(describe(refusal(422, 'unprocessable', { reason: 'not_a_reason_we_know' }))).toBe(
      'This could not be processed.',
    );
  });

  it('says when a closed organization will be deleted', () => {
    const text = errorText()(refusal(403, 'tenant_suspended', { purgeAfter: '2027-01-04T03:30:00.000Z' }));
    expect(text).toContain('will be deleted on');
    expect(text).toContain('2027');
    expect(errorText()(refusal(403, 'tenant_suspended'))).toBe("Your organization's account is suspended.");
  });

  it('lets a page’s own message for a code win', () => {
    expect(
      errorText()(refusal(422, 'unprocessable', { reason: 'take_outdated' }), { unprocessable: 'Page says so' }),
    ).toBe('Page says so');
  });

  for (const language of SUPPORTED_LANGUAGES) {
    it(`has its own message for each workflow refusal in ${language}`, async () => {
      await i18n.changeLanguage(language);
      const describe = errorText();
      const generic = describe(refusal(500, 'internal'));
      const refusals = [
        refusal(409, 'job_in_progress'),
        refusal(409, 'idempotency_in_progress'),
        refusal(403, 'consent_required', { termsVersion: '2026-12' }),
        refusal(403, 'tenant_suspended'),
        refusal(403, 'tenant_suspended', { purgeAfter: '2027-01-04T03:30:00.000Z' }),
        refusal(422, 'unprocessable', { reason: 'take_outdated' }),
        refusal(429, 'quota_exceeded', { quota: 'monthlyCharacters', limit: 10, used: 9, requested: 5 }),
        refusal(429, 'quota_exceeded', { quota: 'concurrentJobs', limit: 1, running: 1 }),
        refusal(429, 'quota_exceeded', { quota: 'storageBytes', limit: 1024 }),
      ];
      const texts = refusals.map((error) => describe(error));
      expect(texts.filter((text) => text === generic || text.includes('{{'))).toEqual([]);
      expect(new Set(texts).size).toBe(texts.length);
    });
  }
});
