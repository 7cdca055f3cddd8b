import { matchPlatform, type Allowlist } from '../lists/allowlist';
import type { FrameSignal } from '../signals/page-signals';

/** A frame that can run a call in the page: it may use the camera or microphone, or it is a video platform. */
export interface CallEmbed {
  /** `https://meet.example.net`: the frame's origin as its address gives it. */
  origin: string;
  host: string;
  /** The platform the frame belongs to, if the allowlist knows it. */
  platform: string | undefined;
  verified: boolean;
  reason: 'camera-or-microphone' | 'video-platform';
}

const MEDIA_FEATURES = new Set(['camera', 'microphone', 'display-capture']);

/** `allow="camera 'src'; microphone"`: directives split by `;`, each a feature then its origins. */
function grantsMedia(allow: string): boolean {
  return allow.split(';').some((directive) => MEDIA_FEATURES.has(directive.trim().split(/\s+/)[0]!.toLowerCase()));
}

/** Frames that could carry a call: `allow` grants media, or the source is a video platform. */
export function callEmbedsOf(allowlist: Allowlist, frames: readonly FrameSignal[]): CallEmbed[] {
  const embeds = new Map<string, CallEmbed>();
  for (const frame of frames) {
    let url: URL;
    try {
      url = new URL(frame.src);
    } catch {
      continue; // about:blank, srcdoc and broken sources carry no third party of their own
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
    const match = matchPlatform(allowlist, url.hostname);
    const media = grantsMedia(frame.allow);
    const videoPlatform = match?.platform.category === 'video';
    if (!media && !videoPlatform) continue;
    if (embeds.has(url.origin)) continue;
    embeds.set(url.origin, {
      origin: url.origin,
      host: url.hostname,
      platform: match?.platform.name,
      verified: match?.platform.verified === true,
      reason: media ? 'camera-or-microphone' : 'video-platform',
    });
  }
  return [...embeds.values()];
}
