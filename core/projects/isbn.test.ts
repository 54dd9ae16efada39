import { isValidIsbn, normalizeIsbn } from './isbn';

describe('ISBN checksum', () => {
  it.each(['978-0-14-143951-8', '9780141439518', '0-14-143951-3', '080442957X', '0 8044 2957 x'])(
    'accepts %s',
    (isbn) => {
      expect(isValidIsbn(isbn)).toBe(true);
    },
  );
  it.each(['978-0-14-143951-9', '0-14-143951-4', '12345', '97801414395181', 'abcdefghij'])('rejects %s', (isbn) => {
    expect(isValidIsbn(isbn)).toBe(false);
  });
  it('normalizes to digits only', () => {
    expect(normalizeIsbn('0 8044 2957 x')).toBe('080442957X');
  });
});
