import browser from 'webextension-polyfill';
import { assessPage, type Verdict } from '../core/assess';
import { chatProviderOf, loadChatProviders } from '../core/chat-widgets';
import type { CallActivityName } from '../core/findings';
import type { PolicyAction } from '../core/policy';
import type { CallAction, CallReply } from '../protocol/call';
import { cautionChatInFrame } from '../protocol/page-api';
import type { ContentSender } from '../protocol/router';
import { getAllowlist } from './allowlist-state';
import { injectPageUi } from './page-ui-injection';
import { readTabState } from './tab-state-store';
import { isAssessedUrl, onCallActivity } from './tab-verdicts';

/** What the clinic's `unknownVideoPlatform` action means for a call's answer. */
const ACTION_FOR: Readonly<Record<PolicyAction, CallAction>> = { warn: 'prompt', block: 'block', off: 'allow' };

/** The frame's own address decides (an embedded doxy.me room in a clinic's page is doxy.me); about:blank frames speak for their tab. */
function callVerdict(sender: ContentSender): Verdict {
  const url = isAssessedUrl(sender.frameUrl) ? sender.frameUrl : sender.tabUrl;
  return assessPage(getAllowlist(), { url });
}

/**
 * A call started in a frame of the tab. The top frame's calls go into the tab's verdict; a
 * camera or screen request gets its answer: go ahead on a verified platform, else what the
 * clinic's setting says (ask by default).
 */
export async function onCallReport(
  sender: ContentSender,
  activity: CallActivityName | 'frame-encryption',
  unknownVideoPlatform: () => Promise<PolicyAction>,
): Promise<CallReply | null> {
  if (sender.frameId === 0 && isAssessedUrl(sender.tabUrl)) await onCallActivity(sender.tabId, sender.tabUrl, activity);
  if (activity !== 'camera-or-microphone' && activity !== 'screen') return null;
  const verdict = callVerdict(sender);
  const action: CallAction = verdict.platform?.verified ? 'allow' : ACTION_FOR[await unknownVideoPlatform()];
  return { action, verdict };
}

const providers = loadChatProviders();

/** Which tab pages were already cautioned about which chat, so the caution comes once. */
const cautionKey = (tabId: number, url: string, provider: string): string => `chat-caution:${tabId}:${provider}:${url}`;

/**
 * The user typed in a frame. If the frame is a chat widget that the tab's verdict names as
 * not verified (on a verified or telehealth-looking page), the top frame shows the caution,
 * once per page. The frame is identified by the address the browser reports for it.
 */
export async function onChatTyping(sender: ContentSender): Promise<null> {
  if (sender.frameId === 0 || !isAssessedUrl(sender.frameUrl)) return null;
  const provider = chatProviderOf(providers, new URL(sender.frameUrl).hostname, 'frame');
  if (!provider) return null;
  const state = await readTabState(sender.tabId);
  const named = state?.url === sender.tabUrl && state.verdict.findings.some((f) => f.code === 'UNVERIFIED_EMBED' && f.kind === 'chat' && f.provider === provider.name);
  if (!named) return null;
  const key = cautionKey(sender.tabId, sender.tabUrl, provider.id);
  if ((await browser.storage.session.get(key))[key]) return null;
  await browser.storage.session.set({ [key]: Date.now() });
  const topFrame = { tabId: sender.tabId, frameIds: [0] };
  await injectPageUi(topFrame);
  await browser.scripting.executeScript({ target: topFrame, func: cautionChatInFrame, args: [provider.name] });
  return null;
}
