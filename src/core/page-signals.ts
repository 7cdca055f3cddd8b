import { z } from 'zod';

/**
 * What the content script reports about a page. All of it can be forged by the page, so
 * the background treats it as hints and takes the page's address from the browser.
 */
export const formSignalSchema = z
  .object({
    /** The absolute URL the form submits to, as the browser resolves `form.action`. */
    action: z.string().max(4096),
    method: z.string().max(16),
    hasPassword: z.boolean(),
  })
  .strict();

export const frameSignalSchema = z
  .object({
    src: z.string().max(4096),
    allow: z.string().max(1024),
  })
  .strict();

const MAX_ITEMS = 200;

export const pageSignalsSchema = z
  .object({
    isSecureContext: z.boolean(),
    passwordFields: z.number().int().nonnegative(),
    forms: z.array(formSignalSchema).max(MAX_ITEMS),
    videoElements: z.number().int().nonnegative(),
    iframes: z.array(frameSignalSchema).max(MAX_ITEMS),
  })
  .strict();

export type FormSignal = z.infer<typeof formSignalSchema>;
export type FrameSignal = z.infer<typeof frameSignalSchema>;
export type PageSignals = z.infer<typeof pageSignalsSchema>;
