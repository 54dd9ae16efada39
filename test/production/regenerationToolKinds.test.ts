import { toolKind } from '../../bench/production/regenerationBreakdown';

/**
 * The regeneration breakdown names each ffmpeg process by what its arguments do. The M4B is joined from the chapters'
 * AAC by the concat demuxer with the audio stream copied (`-c:a copy`, adapters/audio/encode.ts); it was reported as a
 * retag, which the packages no longer run through ffmpeg.
 */
test('the M4B join from chapter encodings is named as the join, whichever copy flag it uses', () => {
  const join =
    '/ffmpeg -y -f concat -safe 1 -i /tmp/m4b-x/list.ffconcat -f ffmetadata -i /tmp/m4b-x/chapters.ffmetadata ' +
    '-map 0:a:0 -c:a copy -map_metadata 1 -map_chapters 1 -movflags +faststart -f mp4 /tmp/out.m4b';
  expect(toolKind(join)).toBe('m4b join (stream copy)');
  expect(toolKind(join.replace('-c:a copy', '-c copy'))).toBe('m4b join (stream copy)');
});

test('the chapter render and the encoders beside it keep their names', () => {
  expect(toolKind('/ffmpeg -f concat -i list.ffconcat -af alimiter=limit=0.9 out.flac')).toBe('chapter render');
  expect(toolKind('/ffmpeg -f s16le -i pipe:0 -c:a libmp3lame -b:a 192k out.mp3')).toBe(
    'mp3 encoder (beside the render)',
  );
  expect(toolKind('/ffprobe -show_format in.mp3')).toBe('ffprobe');
});

test('an encode that measures its output in the same pass (silencedetect in its chain) is an encode, not a scan', () => {
  const measuredEncode =
    '/ffmpeg -y -i part.wav -filter_complex [0:a]asplit=2[encode][measure];[measure]ebur128=peak=true,' +
    'silencedetect=noise=-50dB:d=0.2[measured] -map [encode] -c:a libmp3lame -b:a 192k out.mp3 -map [measured] -f null -';
  expect(toolKind(measuredEncode)).toBe('mp3 encode');
  expect(toolKind('/ffmpeg -i master.flac -map 0:a:0 -af silencedetect=noise=-50dB:d=0.2 -f null -')).toBe(
    'silence scan',
  );
});
