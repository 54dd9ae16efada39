/**
 * The voice catalog and audition synthesizer for the configured TTS_ENGINE: the offline espeak-ng voices by default,
 * the Azure Speech voice list (cached per region) when TTS_ENGINE=azure.
 */
import type { SpeechSynthesizer } from '../../core/ports/speech';
import type { SampleSynthesizer, VoiceCatalog } from '../../core/ports/voices';
import type { AppEnvironment } from '../config/config';
import { EspeakSynthesizer } from '../tts/espeak';
import type { AzureVoiceListClient } from '../tts/azure/azureVoiceList';
import { AzureVoiceCatalog } from './azureVoiceCatalog';
import { OfflineVoiceCatalog } from './offlineVoiceCatalog';
import { SpeechSampleSynthesizer } from './speechSampleSynthesizer';

export interface VoiceServices {
  catalog: VoiceCatalog;
  samples: SampleSynthesizer;
}

export interface VoiceServiceOptions {
  /** The app's speech synthesizer, when the composition root has one; otherwise auditions build their own. */
  speech?: () => SpeechSynthesizer;
  /** With TTS_ENGINE=azure: the voice-list client built with the synthesizer (adapters/tts/azure/fromConfig.ts). */
  azureVoiceList?: AzureVoiceListClient;
}

export function createVoiceServices(config: AppEnvironment, options: VoiceServiceOptions = {}): VoiceServices {
  if (config.TTS_ENGINE === 'offline') {
    let espeak: EspeakSynthesizer | undefined;
    const speech = options.speech ?? (() => (espeak ??= new EspeakSynthesizer({ ffmpegPath: config.FFMPEG_PATH })));
    return { catalog: new OfflineVoiceCatalog(), samples: new SpeechSampleSynthesizer(speech, 'offline') };
  }
  const voiceList = options.azureVoiceList;
  if (!voiceList) throw new Error('TTS_ENGINE=azure needs the Azure voice list from the composition root');
  const regionKey = config.SPEECH_ENDPOINT ?? config.SPEECH_REGION ?? '';
  const catalog = new AzureVoiceCatalog(regionKey, () => voiceList.listVoices());
  const speech =
    options.speech ??
    (() => {
      throw new Error('Auditions with TTS_ENGINE=azure need the Azure speech synthesizer from the composition root');
    });
  return { catalog, samples: new SpeechSampleSynthesizer(speech, 'azure') };
}
