import { z } from 'zod';
import { SIGNAL_LIMITS } from './signal-limits';

/**
 * What the content script reports about a page. All of it can be forged by the page, so
 * the background treats it as hints and takes the page's address from the browser.
 */
export const formSignalSchema = z
  .object({
    /**
     * The absolute URL the form submits to, as the browser resolves `form.action`; or a
     * submit button's `formaction`, which overrides it (one entry each).
     */
    action: z.string().max(SIGNAL_LIMITS.url),
    method: z.string().max(SIGNAL_LIMITS.method),
    hasPassword: z.boolean(),
  })
  .strict();

export const frameSignalSchema = z
  .object({
    src: z.string().max(SIGNAL_LIMITS.url),
    allow: z.string().max(SIGNAL_LIMITS.allow),
  })
  .strict();

export const pageSignalsSchema = z
  .object({
    isSecureContext: z.boolean(),
    passwordFields: z.number().int().nonnegative(),
    /**
     * Password forms first, so a page can't push them past the cap with dummy forms. On an
     * https page, forms that post to its own origin may be left out: they make no finding.
     */
    forms: z.array(formSignalSchema).max(SIGNAL_LIMITS.forms),
    videoElements: z.number().int().nonnegative(),
    iframes: z.array(frameSignalSchema).max(SIGNAL_LIMITS.frames),
    /** Hosts the page's scripts load from: chat widgets are recognised by them. */
    scriptHosts: z.array(z.string().max(SIGNAL_LIMITS.host)).max(SIGNAL_LIMITS.scriptHosts).optional(),
    /** On an https page: scripts, frames and media it loads over plain http. */
    insecureResources: z
      .array(z.object({ kind: z.enum(['script', 'frame', 'media']), url: z.string().max(SIGNAL_LIMITS.url) }).strict())
      .max(SIGNAL_LIMITS.insecureResources)
      .optional(),
    /** Some part of the page could not be read (a page built to break the reading): the rest was. */
    incomplete: z.boolean().optional(),
    /**
     * On a look-alike, the user typed into a field of the page: a weak resemblance matters from
     * then on, whatever the field claims to be (a password can be asked for in a text field).
     */
    typedInto: z.boolean().optional(),
  })
  .strict();

export type FormSignal = z.infer<typeof formSignalSchema>;
export type FrameSignal = z.infer<typeof frameSignalSchema>;
export type PageSignals = z.infer<typeof pageSignalsSchema>;
