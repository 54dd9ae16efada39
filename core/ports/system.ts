/** Time and identifiers come through ports so core stays deterministic under test and in orchestrations. */
export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  /** URL-safe, unguessable id with a readable prefix, e.g. `prj_8f3k…`. */
  newId(prefix: string): string;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
