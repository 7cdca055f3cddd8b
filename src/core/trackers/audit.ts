import { moreTellingCategory, type TrackerCatalog, type TrackerCategory } from './tracker-catalog';
import { addNew, trackerFindings } from './tracker-findings';
import type { TrackerIndex } from './tracker-index';
import { withRequestSeen, type TrackerSighting } from './tracker-sightings';
import type { PageRequest } from './har-file';

/** One organisation in an audit (`npm run trackers`): the contract's line. */
export interface AuditLine {
  organisation: string;
  category: TrackerCategory;
  services: string[];
  endpoints: string[];
  hosts: string[];
  requests: number;
  /** The pages that sent to it, without queries. */
  pages: string[];
}

const hostOfPage = (page: string | undefined): string => (page === undefined ? '' : new URL(page).hostname);

/**
 * Every third-party catalog organisation the requests reached, in the order first seen, with
 * the same classification and first-party rule as the extension: a request to its page's own
 * registrable domain is not a third party. Requests whose page is unknown count as third-party.
 */
export function auditRequests(catalog: TrackerCatalog, index: TrackerIndex, requests: Iterable<PageRequest>): AuditLine[] {
  const byPage = new Map<string | undefined, TrackerSighting[]>();
  for (const { url, page } of requests) {
    const match = index.classify(url);
    if (!match) continue;
    byPage.set(page, withRequestSeen(byPage.get(page) ?? [], { match, blocked: false, frame: undefined }));
  }
  const lines = new Map<string, AuditLine>();
  for (const [page, sightings] of byPage) {
    for (const finding of trackerFindings(catalog, sightings, hostOfPage(page), 'warn')) {
      const line = lines.get(finding.organisation) ?? { organisation: finding.organisation, category: finding.category, services: [], endpoints: [], hosts: [], requests: 0, pages: [] };
      line.category = moreTellingCategory(line.category, finding.category);
      addNew(line.services, finding.services);
      addNew(line.endpoints, finding.endpoints);
      addNew(line.hosts, finding.hosts);
      line.requests += finding.requests;
      if (page !== undefined) addNew(line.pages, [page]);
      lines.set(finding.organisation, line);
    }
  }
  return [...lines.values()];
}
