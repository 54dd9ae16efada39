import v8 from 'node:v8';

/**
 * How far V8 lets a process's old generation grow past what survived its last full collection before it starts the
 * next one: 100 %, so the next full collection comes when as much again has been kept.
 *
 * Left to itself V8 picks the step from how fast it collects against how fast the process allocates. The local
 * platform's processes (the platform, Azurite, the Cosmos emulator) allocate slowly for the size of their heaps, so
 * V8 chose small steps: a full collection every few seconds of a production, each marking the whole heap (some
 * 120 MB live in the platform, 50 MB in Azurite) to free a few megabytes. See docs/audio-pipeline.md, "Full
 * collections".
 */
export const HEAP_GROWTH_FLAG = '--heap-growing-percent=100';

/** The same step for a process already running (one started without the flag): V8 reads it at each full collection. */
export function growHeapInLargerSteps(): void {
  v8.setFlagsFromString(HEAP_GROWTH_FLAG);
}
