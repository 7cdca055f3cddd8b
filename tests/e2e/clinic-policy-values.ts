/** The clinic policy the admin-policy tests of both browsers deploy: two verified sites of the clinic's, and values to refuse. */

export const CLINIC = { domain: 'telehealth.example-clinic.org', name: 'Example Clinic video visits', category: 'video' };
export const PORTAL = { domain: 'portal.example-clinic.org', name: 'Example Clinic patient portal', category: 'portal' };

export const BASE_POLICY = {
  clinicName: 'Example Family Clinic',
  supportContact: 'it-help@example-clinic.org',
  allowlist: [CLINIC],
  // Right types, so the browser passes them on; the extension refuses each and applies the rest.
  remoteAllowlistUrl: 'http://lists.example-clinic.com/clinic.json',
  remoteAllowlistKeys: ['not a base64 key'],
  refreshHours: 500,
  // A wrong type. Chromium's schema drops it before the extension sees it (chrome://policy
  // shows why); Firefox checks no schema and hands it over, so the extension must refuse it.
  allowlistMode: 7,
};
