import { z } from 'zod';
import chatWidgetsJson from '../../../assets/chat-widgets.json';
import { factSchema, formatJsonPath } from '../lists/allowlist-file';

/**
 * Third-party chat widgets, recognised by the hosts their scripts and frames load from
 * (assets/chat-widgets.json; every host list cites where it was read). `*.example.net`
 * covers the subdomains of example.net, as the vendor's own policy docs write it.
 */
const hostPattern = z.string().regex(/^(?:\*\.)?(?:[a-z0-9-]+\.)+[a-z]{2,}$/, 'a lower-case hostname, optionally starting with "*."');

export const chatProviderSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    scriptHosts: z.array(hostPattern),
    frameHosts: z.array(hostPattern),
    source: z.url({ protocol: /^https$/ }),
    hipaaBaa: factSchema,
  })
  .strict();

export const chatWidgetsFileSchema = z.object({ version: z.number().int(), providers: z.array(chatProviderSchema).min(1) }).strict();

export type ChatProvider = z.infer<typeof chatProviderSchema>;

export function loadChatProviders(json: unknown = chatWidgetsJson): ChatProvider[] {
  const result = chatWidgetsFileSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${formatJsonPath(issue.path)}: ${issue.message}`).join('; ');
    throw new Error(`built-in chat widget list is invalid: ${problems}`);
  }
  return result.data.providers;
}

function hostMatches(host: string, pattern: string): boolean {
  if (!pattern.startsWith('*.')) return host === pattern;
  const base = pattern.slice(2);
  return host === base || host.endsWith(`.${base}`);
}

/** The provider whose script or frame hosts cover `host`, if any. */
export function chatProviderOf(providers: readonly ChatProvider[], host: string, kind: 'script' | 'frame'): ChatProvider | undefined {
  return providers.find((provider) => (kind === 'script' ? provider.scriptHosts : provider.frameHosts).some((pattern) => hostMatches(host, pattern)));
}
