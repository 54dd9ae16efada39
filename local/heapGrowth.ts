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

/** The memory of one Functions instance in Azure: `instanceMemoryMB` in bicep/modules/functionApp.bicep. */
export const AZURE_INSTANCE_MEMORY_MB = 2048;

/**
 * The old-generation limit the Functions worker has in Azure, given to the local platform's separate Functions host.
 *
 * Node sizes V8's heap from the memory its container allows: about half of it on 64-bit, so some 1,024 MB in an
 * instance of 2,048 MB. And V8 lets the old generation grow, between full collections, by a factor whose ceiling
 * rises with that limit: 1.6 at 1,024 MB, 4 from 2 GB up. Started on a developer's
 * machine, the host sized its heap from the machine's memory instead (4 GB on one of 24 GB) and let garbage pile up to
 * 3–4 times what it kept alive, so its peak memory followed how much work it did since its last full collection (how
 * long the book was) rather than what it needed. See docs/planning.md, "Host memory while planning".
 */
export const FUNCTIONS_WORKER_HEAP_FLAG = `--max-old-space-size=${AZURE_INSTANCE_MEMORY_MB / 2}`;
