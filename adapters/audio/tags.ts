/** The tags a retail file carries, per container, cleaned: one mapping for every writer (ffmpeg muxes, the MP3 retag). */
import type { AudioTags } from '../../core/ports/audio';

const MAX_TAG_LENGTH = 4000;

/** ffmpeg metadata keys per container: narrator goes to composer (what Apple Books and most players read). */
export function containerTags(tags: AudioTags, container: 'id3' | 'mp4'): Record<string, string> {
  const out: Record<string, string> = {};
  const set = (key: string, value: string | number | undefined) => {
    if (value !== undefined && String(value).trim() !== '') out[key] = cleanTag(String(value));
  };
  set('title', tags.title);
  set('album', tags.album);
  set('artist', tags.artist);
  set('album_artist', tags.albumArtist);
  set('composer', tags.narrator);
  set('genre', tags.genre);
  set('date', tags.year);
  set('track', tags.track);
  set('copyright', tags.copyright);
  set('publisher', tags.publisher);
  if (container === 'mp4') {
    set('description', tags.description);
    set('comment', tags.comment ?? tags.description);
  } else {
    set('comment', tags.comment ?? tags.description);
    if (tags.narrator) out.narrator = cleanTag(tags.narrator);
  }
  return out;
}

export function cleanTag(value: string): string {
  // Control characters other than newline would corrupt tag frames; cap the length.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return value.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ').slice(0, MAX_TAG_LENGTH);
}
