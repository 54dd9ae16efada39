/**
 * Writes one JSON object as a stream of text, field by field, where a field may be a sequence produced page by
 * page: the whole document never has to be in memory, whatever its size.
 */

/** A sequence the stream pulls lazily, when it reaches the field. */
export interface StreamedArray {
  readonly streamed: () => AsyncIterable<unknown>;
}

export function streamedArray(items: () => AsyncIterable<unknown>): StreamedArray {
  return { streamed: items };
}

function isStreamed(value: unknown): value is StreamedArray {
  return typeof value === 'object' && value !== null && 'streamed' in value;
}

export async function* jsonObjectText(fields: [name: string, value: unknown][]): AsyncGenerator<string> {
  yield '{';
  for (const [index, [name, value]] of fields.entries()) {
    yield `${index === 0 ? '' : ','}\n  ${JSON.stringify(name)}: `;
    if (!isStreamed(value)) {
      yield JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
      continue;
    }
    let count = 0;
    yield '[';
    for await (const item of value.streamed()) {
      yield `${count === 0 ? '' : ','}\n    ${JSON.stringify(item)}`;
      count++;
    }
    yield count === 0 ? ']' : '\n  ]';
  }
  yield '\n}\n';
}
