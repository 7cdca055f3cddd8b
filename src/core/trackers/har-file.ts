import { z } from 'zod';
import { formatJsonPath } from '../lists/allowlist-file';

/**
 * The part of a HAR file (HTTP Archive 1.2, as every browser's developer tools export it)
 * that an audit reads: each request's URL and the page it belongs to. Everything else in
 * the file (headers, bodies, timings) is left alone.
 */
const harSchema = z.object({
  log: z.object({
    pages: z.array(z.looseObject({ id: z.string(), title: z.string().optional() })).optional(),
    entries: z.array(
      z.looseObject({
        pageref: z.string().optional(),
        request: z.looseObject({
          url: z.string(),
          headers: z.array(z.looseObject({ name: z.string(), value: z.string() })).optional(),
        }),
      }),
    ),
  }),
});

export interface PageRequest {
  url: string;
  /** The page the request was made for, without its query; undefined when the file does not say. */
  page: string | undefined;
}

export class HarFileError extends Error {}

/** A page address without query or fragment: what an audit prints, and all it needs. */
export function pageAddress(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return undefined;
  }
}

/**
 * Each request with its page. Chromium writes the page's address as its title; Firefox writes
 * the document's title, and then the page is its first request (the document itself). A
 * request with no page falls back to its Referer.
 */
export function harRequests(json: unknown): PageRequest[] {
  const result = harSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new HarFileError(`not a HAR file: ${formatJsonPath(issue.path)}: ${issue.message}`);
  }
  const { pages = [], entries } = result.data.log;
  const pageUrls = new Map<string, string | undefined>(pages.map((page) => [page.id, page.title === undefined ? undefined : pageAddress(page.title)]));
  return entries.map((entry) => {
    const { pageref, request } = entry;
    let page: string | undefined;
    if (pageref !== undefined) {
      if (pageUrls.get(pageref) === undefined) pageUrls.set(pageref, pageAddress(request.url));
      page = pageUrls.get(pageref);
    } else {
      const referer = request.headers?.find((header) => header.name.toLowerCase() === 'referer')?.value;
      page = referer === undefined ? undefined : pageAddress(referer);
    }
    return { url: request.url, page };
  });
}
