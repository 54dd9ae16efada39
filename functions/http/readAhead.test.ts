import type { TenantPrincipal } from '../../core/auth/principal';
import { admitsGuess, startReadAhead } from './readAhead';

const creator: TenantPrincipal = {
  kind: 'tenant-user',
  userId: 'u-1',
  tenantId: 't-1',
  role: 'creator',
  email: 'a@b.c',
};
const reply = { status: 200, json: { items: [] } };

describe('reading ahead of authorization', () => {
  it('keeps the answer only for the very principal it ran as', () => {
    const readAhead = startReadAhead(creator, () => Promise.resolve(reply));
    expect(admitsGuess(readAhead, { ...creator })).toBe(true);
    expect(admitsGuess(readAhead, { ...creator, role: 'validator' })).toBe(false);
    expect(admitsGuess(readAhead, { ...creator, email: undefined })).toBe(false);
    expect(admitsGuess(readAhead, { ...creator, displayName: 'Someone' })).toBe(false);
    expect(admitsGuess(readAhead, { kind: 'operator', userId: 'u-1' })).toBe(false);
    expect(admitsGuess(readAhead, undefined)).toBe(false);
  });

  it('drops a failed guess without an unhandled rejection', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      startReadAhead(creator, () => Promise.reject(new Error('refused anyway')));
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
