import browser from 'webextension-polyfill';
import type { Verdict } from '../core/findings/assess';
import { chatProviderOf, loadChatProviders } from '../core/findings/chat-widgets';
import type { CallActivityName } from '../core/findings/findings';
import type { PolicyAction } from '../core/lists/policy';
import type { CallAction, CallReply } from '../protocol/call';
import { cautionChatInFrame } from '../protocol/page-api';
import { verdictFor, type PageDocument } from './page-answers';
import { readTabState } from './tab-state-store';
import { onCallActivity } from './tab-verdicts';

/** What the clinic's `unknownVideoPlatform` action means for a call's answer. */
const ACTION_FOR: Readonly<Record<PolicyAction, CallAction>> = { warn: 'prompt', block: 'block', off: 'allow' };

/**
 * The frame's own address decides (an embedded doxy.me room in a clinic's page is doxy.me); an
 * about:blank or srcdoc frame is its creator's (document-address).
 */
function callVerdict(document: PageDocument): Verdict | undefined {
  return verdictFor(document.frameAddress);
}

/**
 * A call started in a frame of the tab. The top frame's calls go into the tab's verdict; a
 * camera or screen request gets its answer: go ahead on a verified platform, else what the
 * clinic's setting says (ask by default).
 */
export async function onCallReport(
  document: PageDocument,
  activity: CallActivityName | 'frame-encryption',
  unknownVideoPlatform: () => Promise<PolicyAction>,
): Promise<CallReply | null> {
  if (document.frameId === 0 && document.tabAddress !== undefined) await onCallActivity(document.tabId, document.tabUrl, activity);
  if (activity !== 'camera-or-microphone' && activity !== 'screen') return null;
  const verdict = callVerdict(document);
  // A document nothing judges (no address of its own or its creator's): no verdict to open the camera on.
  if (!verdict) return null;
  const policy = await unknownVideoPlatform();
  if (!verdict.platform?.verified) return { action: ACTION_FOR[policy], verdict };
  // Under "block" the browser's own camera setting is per top-level site (camera-backstop): a
  // verified room framed by a page no list verifies stays closed, and the notice names that page.
  const tab = document.frameId === 0 ? verdict : verdictFor(document.tabAddress);
  if (policy === 'block' && !tab?.platform?.verified) return { action: 'block', verdict: tab ?? verdict };
  return { action: 'allow', verdict };
}

const providers = loadChatProviders();

/** Which tab pages were already cautioned about which chat, so the caution comes once. */
const cautionKey = (tabId: number, url: string, provider: string): string => `chat-caution:${tabId}:${provider}:${url}`;

/**
 * The user typed in a frame. If the frame is a chat widget that the tab's verdict names as
 * not verified (on a verified or telehealth-looking page), the top frame shows the caution,
 * once per page. The frame is identified by the address the browser reports for it.
 */
export async function onChatTyping(document: PageDocument, ensurePageUi: (target: { tabId: number; frameIds: number[] }) => Promise<void>): Promise<null> {
  if (document.frameId === 0 || document.frameAddress === undefined) return null;
  const provider = chatProviderOf(providers, new URL(document.frameAddress).hostname, 'frame');
  if (!provider) return null;
  const state = await readTabState(document.tabId);
  const named = state?.url === document.tabUrl && state.verdict.findings.some((f) => f.code === 'UNVERIFIED_EMBED' && f.kind === 'chat' && f.provider === provider.name);
  if (!named) return null;
  const key = cautionKey(document.tabId, document.tabUrl, provider.id);
  if ((await browser.storage.session.get(key))[key]) return null;
  await browser.storage.session.set({ [key]: Date.now() });
  const topFrame = { tabId: document.tabId, frameIds: [0] };
  await ensurePageUi(topFrame);
  await browser.scripting.executeScript({ target: topFrame, func: cautionChatInFrame, args: [provider.name] });
  return null;
}
