/**
 * LAME's settings for every MP3 the platform writes (the chapter render's encoder and the packaging encodes):
 * constant bit rate at the retailer's rate, no bit reservoir, and LAME quality level 7 (`-compression_level 7`) instead of its default
 * 3. The level only sets how hard LAME searches for the best quantization; at 192 kbps on mono speech the level-7 file
 * is as close to the master as the default's (difference signal and energy above 10 kHz within 0.02 dB) while its
 * encode takes about 40 % less CPU, and LAME is the largest single cost of a production. The measurement and the
 * numbers are in docs/audio-pipeline.md, "MP3 encoder quality level".
 *
 * Without the bit reservoir every frame holds all of its own data (`main_data_begin` is 0): with it, a frame may
 * borrow bytes left over in the frames before it, so frames from another encode of the same samples (a re-rendered
 * region) cannot follow a stored file's frames without the first of them being decoded from the wrong bytes. On speech
 * at 192 kbps the reservoir-off file is as close to its master as the reservoir-on one (docs/audio-pipeline.md, "MP3
 * encoder quality level"). Changing this changes every MP3's bytes: RETAIL_ENCODINGS.mp3.version names them.
 */
const LAME_QUALITY_LEVEL = 7;

/** ffmpeg output arguments for a CBR MP3 at `bitrateKbps`. */
export function lameCbrArgs(bitrateKbps: number): string[] {
  return [
    '-c:a',
    'libmp3lame',
    '-b:a',
    `${bitrateKbps}k`,
    '-compression_level',
    String(LAME_QUALITY_LEVEL),
    '-reservoir',
    '0',
  ];
}
