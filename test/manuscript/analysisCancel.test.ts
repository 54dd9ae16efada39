import { readFileSync, readdirSync } from 'node:fs';
import { decodeText } from '../../adapters/manuscript/decode';
import { analyzeInWorker } from '../../adapters/manuscript/workerAnalysis';
import { findGutenbergBody } from '../../core/manuscript/gutenberg';
import { PRIDE_AND_PREJUDICE } from '../support/corpus';

/**
 * The analysis thread of an import stops when its job is cancelled: `analyzeInWorker` rejects once the signal aborts
 * and the thread is gone by then. The thread is seen in /proc as the one thread of this process at the lowest CPU
 * priority (analysisWorker.ts lowers its own nice value; nothing else in a test process does).
 */
const seesThreadPriorities = process.platform === 'linux';

/** Threads of this process whose nice value is the lowest priority (19): the analysis threads. */
function lowPriorityThreads(): number {
  let count = 0;
  for (const task of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) start at its closing parenthesis; nice is field 19.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[16]) === 19) count++;
    } catch {
      // The thread ended while the list was read.
    }
  }
  return count;
}

/**
 * A book big enough that chapter detection runs for seconds (about one per 5 MB): the corpus novel's body (without
 * the Project Gutenberg header and licence, whose end marker would end the book at the first copy) 30 times over.
 */
function bigBook(): Buffer {
  const { text } = decodeText(readFileSync(PRIDE_AND_PREJUDICE));
  const body = findGutenbergBody(text);
  const novel = text.slice(body.start, body.end);
  return Buffer.from(Array.from({ length: 30 }, () => novel).join('\n\n\n'));
}

describe('analyzeInWorker and cancellation', () => {
  it('rejects and stops the thread when the signal aborts during detection', async () => {
    const analyze = analyzeInWorker({ limits: {} });
    const controller = new AbortController();
    let threadsWhileDetecting = -1;
    const outcome = analyze(
      bigBook(),
      { fileName: 'big.txt', contentType: 'text/plain', language: 'en-GB' },
      () => {
        // Parsed: detection is starting in the thread. Seen running, then cancelled.
        threadsWhileDetecting = lowPriorityThreads();
        controller.abort();
        return Promise.resolve();
      },
      controller.signal,
    );
    await expect(outcome).rejects.toThrow('manuscript analysis cancelled');
    if (seesThreadPriorities) {
      expect(threadsWhileDetecting).toBe(1);
      expect(lowPriorityThreads()).toBe(0);
    }
  });

  it('does not start a thread for a signal already aborted', async () => {
    const analyze = analyzeInWorker({ limits: {} });
    const controller = new AbortController();
    controller.abort();
    let parsed = false;
    await expect(
      analyze(
        Buffer.from('Chapter 1\n\nText.\n'),
        { fileName: 'a.txt' },
        () => {
          parsed = true;
          return Promise.resolve();
        },
        controller.signal,
      ),
    ).rejects.toThrow('manuscript analysis cancelled');
    expect(parsed).toBe(false);
  });

  it('still completes when the signal never aborts', async () => {
    const analyze = analyzeInWorker({ limits: {} });
    const controller = new AbortController();
    const analysis = await analyze(
      Buffer.from('Chapter 1\n\nIt was a bright cold day.\n\nChapter 2\n\nThe hallway smelt of cabbage.\n'),
      { fileName: 'a.txt', contentType: 'text/plain', language: 'en-GB' },
      () => Promise.resolve(),
      controller.signal,
    );
    expect(analysis.detection.chapters.map((chapter) => chapter.title)).toEqual(['Chapter 1', 'Chapter 2']);
    // The thread is gone once the result is handed on; aborting afterwards changes nothing.
    controller.abort();
    if (seesThreadPriorities) expect(lowPriorityThreads()).toBe(0);
  });
});
