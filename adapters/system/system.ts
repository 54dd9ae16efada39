import { randomBytes } from 'node:crypto';
import type { Clock, IdGenerator } from '../../core/ports/system';

export const systemClock: Clock = { now: () => new Date() };

/** 128 bits of randomness, base32-ish lower case: unguessable and safe in URLs and blob names. */
export const randomIds: IdGenerator = {
  newId(prefix: string): string {
    const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
    const bytes = randomBytes(20);
    let id = '';
    for (const byte of bytes) id += alphabet[byte % alphabet.length];
    return `${prefix}_${id}`;
  },
};
