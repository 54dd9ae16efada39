import { contentRange, parseByteRange } from './byteRange';

describe('parseByteRange', () => {
  const size = 1000;
  it('reads the forms media elements send', () => {
    expect(parseByteRange('bytes=0-', size)).toEqual({ start: 0, end: 999 });
    expect(parseByteRange('bytes=100-199', size)).toEqual({ start: 100, end: 199 });
    expect(parseByteRange('bytes=-100', size)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange('bytes=990-5000', size)).toEqual({ start: 990, end: 999 });
  });
  it('sends the whole body for no header, several ranges, other units or a backwards range', () => {
    expect(parseByteRange(undefined, size)).toBeNull();
    expect(parseByteRange('bytes=0-1,5-6', size)).toBeNull();
    expect(parseByteRange('items=0-1', size)).toBeNull();
    expect(parseByteRange('bytes=-', size)).toBeNull();
    expect(parseByteRange('bytes=50-10', size)).toBeNull();
  });
  it('refuses a range starting past the end', () => {
    expect(parseByteRange('bytes=1000-', size)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=5000-6000', size)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-0', size)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=0-', 0)).toBe('unsatisfiable');
  });
  it('words Content-Range', () => {
    expect(contentRange({ start: 100, end: 199 }, size)).toBe('bytes 100-199/1000');
  });
});
