import { z } from 'zod';
import trackersJson from '../../../assets/trackers.json';
import { formatJsonPath } from '../lists/allowlist-file';
import { isPublicSuffix } from '../lists/public-suffix-entries';
import { EndpointPatternError, parseEndpointPattern } from './endpoint-pattern';

/**
 * The tracker catalog (assets/trackers.json): who receives data from a page, through which
 * endpoints, what they can take, and which enforcement actions named them. Every entry cites
 * the vendor's own documentation; nothing in it comes from a non-commercial list.
 */
export const TRACKER_CATEGORIES = ['advertising', 'session-replay', 'tag-manager', 'cdp', 'analytics'] as const;
export type TrackerCategory = (typeof TRACKER_CATEGORIES)[number];

/** Of two categories, the one that tells a patient more (TRACKER_CATEGORIES' order): an organisation seen through several products is named by it. */
export function moreTellingCategory(a: TrackerCategory, b: TrackerCategory): TrackerCategory {
  return TRACKER_CATEGORIES.indexOf(a) <= TRACKER_CATEGORIES.indexOf(b) ? a : b;
}

/** What a tracker can take from a page, as its own documentation (or a regulator) says. */
export const TRACKER_TAKES = ['urls', 'clicks', 'form-fields', 'keystrokes', 'identifiers'] as const;
export type TrackerTake = (typeof TRACKER_TAKES)[number];

const httpsUrl = z.url({ protocol: /^https$/ });

const endpointSchema = z.string().superRefine((text, context) => {
  try {
    const { host } = parseEndpointPattern(text);
    if (isPublicSuffix(host)) context.addIssue({ code: 'custom', message: `"${text}": the host is a public suffix` });
  } catch (error) {
    if (!(error instanceof EndpointPatternError)) throw error;
    context.addIssue({ code: 'custom', message: error.message });
  }
});

export const enforcementCaseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    year: z.number().int().min(1990).max(2100),
    url: httpsUrl,
    /** The recipients as the case names them. */
    names: z.array(z.string().min(1)).min(1),
  })
  .strict();

export const trackerEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    organisation: z.string().min(1),
    service: z.string().min(1),
    category: z.enum(TRACKER_CATEGORIES),
    takes: z.array(z.enum(TRACKER_TAKES)).min(1),
    endpoints: z.array(endpointSchema).min(1),
    sources: z.array(httpsUrl).min(1),
    enforcement: z.array(z.string()).default([]),
    notes: z.string().optional(),
  })
  .strict();

export const trackerCatalogSchema = z
  .object({
    version: z.number().int().positive(),
    cases: z.array(enforcementCaseSchema),
    trackers: z.array(trackerEntrySchema).min(1),
  })
  .strict()
  .superRefine((catalog, context) => {
    const caseIds = new Set(catalog.cases.map((item) => item.id));
    const ids = new Set<string>();
    const endpoints = new Map<string, string>();
    catalog.trackers.forEach((tracker, index) => {
      if (ids.has(tracker.id)) context.addIssue({ code: 'custom', path: ['trackers', index, 'id'], message: `"${tracker.id}" is used twice` });
      ids.add(tracker.id);
      tracker.enforcement.forEach((id, at) => {
        if (!caseIds.has(id)) context.addIssue({ code: 'custom', path: ['trackers', index, 'enforcement', at], message: `no case "${id}" in "cases"` });
      });
      tracker.endpoints.forEach((endpoint, at) => {
        const owner = endpoints.get(endpoint);
        // One endpoint, one receiver: otherwise which organisation a request goes to would depend on the catalog's order.
        if (owner !== undefined) context.addIssue({ code: 'custom', path: ['trackers', index, 'endpoints', at], message: `"${endpoint}" is already an endpoint of "${owner}"` });
        endpoints.set(endpoint, tracker.id);
      });
    });
  });

export type EnforcementCase = z.infer<typeof enforcementCaseSchema>;
export type TrackerEntry = z.infer<typeof trackerEntrySchema>;
export type TrackerCatalog = z.infer<typeof trackerCatalogSchema>;

export type TrackerCatalogResult = { ok: true; catalog: TrackerCatalog } | { ok: false; problems: string[] };

export function parseTrackerCatalog(json: unknown): TrackerCatalogResult {
  const result = trackerCatalogSchema.safeParse(json);
  if (result.success) return { ok: true, catalog: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => `${formatJsonPath(issue.path)}: ${issue.message}`) };
}

let builtIn: TrackerCatalog | undefined;

/** The built-in catalog, validated once: a broken catalog is an error the tests catch, never a shorter catalog. */
export function builtInTrackerCatalog(): TrackerCatalog {
  if (builtIn) return builtIn;
  const result = parseTrackerCatalog(trackersJson);
  if (!result.ok) throw new Error(`built-in tracker catalog is invalid: ${result.problems.join('; ')}`);
  return (builtIn = result.catalog);
}
