/**
 * Builds the production pipeline's adapters from config: the speech synthesizer (offline espeak-ng by default, Azure
 * Speech when TTS_ENGINE=azure), the ffmpeg toolchain and the Event Grid publisher. Called once by the composition
 * root; credentials are passed in so this module never reads the environment.
 */
import type { TokenCredential } from '@azure/identity';
import type { AppEnvironment } from '../config/config';
import type { AudioToolchain } from '../../core/ports/audio';
import type { EventPublisher } from '../../core/ports/events';
import type { SpeechSynthesizer } from '../../core/ports/speech';
import { createFfmpegToolchain } from '../audio';
import { createKeyCredential, EventGridEventPublisher } from '../events/eventGridPublisher';
import { EspeakSynthesizer } from '../tts/espeak';
import type { AzureSpeech } from '../tts/azure/fromConfig';

export function createSpeechSynthesizer(config: AppEnvironment, azure: AzureSpeech | undefined): SpeechSynthesizer {
  if (azure) return azure.synthesizer;
  // Two WASM workers: the host runs several synthesis activities at once on a 2-core machine.
  return new EspeakSynthesizer({ ffmpegPath: config.FFMPEG_PATH, poolSize: 2 });
}

export function createAudioToolchain(config: AppEnvironment): AudioToolchain {
  return createFfmpegToolchain({ ffmpegPath: config.FFMPEG_PATH, ffprobePath: config.FFPROBE_PATH });
}

export function createEventPublisher(config: AppEnvironment, azureCredential: () => TokenCredential): EventPublisher {
  const credential =
    config.KHIPU_MODE === 'local' ? createKeyCredential(config.EVENTGRID_TOPIC_KEY) : azureCredential();
  return new EventGridEventPublisher({ endpoint: config.EVENTGRID_TOPIC_ENDPOINT, credential });
}
