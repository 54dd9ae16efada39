/** Voices the fake Speech service lists, in the shape of Azure's `GET /cognitiveservices/voices/list`. */

export interface AzureVoiceListEntry {
  Name: string;
  DisplayName: string;
  LocalName: string;
  ShortName: string;
  Gender: 'Female' | 'Male' | 'Neutral';
  Locale: string;
  LocaleName: string;
  SampleRateHertz: string;
  VoiceType: 'Neural';
  Status: 'GA' | 'Preview';
  WordsPerMinute?: string;
  StyleList?: string[];
  RolePlayList?: string[];
  SecondaryLocaleList?: string[];
  VoiceTag?: { TailoredScenarios?: string[]; VoicePersonalities?: string[] };
}

function voice(
  shortName: string,
  gender: AzureVoiceListEntry['Gender'],
  extra: Partial<AzureVoiceListEntry> = {},
): AzureVoiceListEntry {
  const [language, region, rest] = shortName.split('-') as [string, string, string];
  const display = rest.replace(/:.*$/, '').replace(/Neural$/, '');
  return {
    Name: `Microsoft Server Speech Text to Speech Voice (${language}-${region}, ${rest})`,
    DisplayName: display,
    LocalName: display,
    ShortName: shortName,
    Gender: gender,
    Locale: `${language}-${region}`,
    LocaleName: `${language}-${region}`,
    SampleRateHertz: '48000',
    VoiceType: 'Neural',
    Status: 'GA',
    WordsPerMinute: '150',
    ...extra,
  };
}

export const defaultFakeVoices: readonly AzureVoiceListEntry[] = Object.freeze([
  voice('en-US-JennyNeural', 'Female', {
    StyleList: ['assistant', 'chat', 'cheerful', 'sad'],
    VoiceTag: { VoicePersonalities: ['Warm', 'Friendly'] },
  }),
  voice('en-US-GuyNeural', 'Male', { StyleList: ['newscast', 'angry'] }),
  voice('en-US-AnaNeural', 'Female', { VoiceTag: { TailoredScenarios: ['Audiobook'], VoicePersonalities: ['Child'] } }),
  voice('en-US-Ava:DragonHDLatestNeural', 'Female', { Status: 'Preview' }),
  voice('es-PE-CamilaNeural', 'Female'),
  voice('es-PE-AlexNeural', 'Male'),
  voice('es-MX-DaliaNeural', 'Female', { StyleList: ['cheerful', 'sad', 'whispering'] }),
  voice('pt-BR-FranciscaNeural', 'Female', { StyleList: ['calm'] }),
  voice('en-GB-RyanNeural', 'Male', { VoiceTag: { VoicePersonalities: ['Senior', 'Mature'] } }),
]);
