import type { PageSignals } from './page-signals';

function unique<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * What a tab's stored state keeps of a page report: what the verdict reads when it is made
 * again (a frame reports, the popup asks), once each. Every byte was chosen by the page, and
 * each tab's copy lives in `storage.session`, which all tabs share. Forms without a password
 * count in no verdict; frames are kept for the embed findings
 * (core/findings/visit-findings). A rule that comes to read more keeps it here: the unit
 * test checks the verdict comes out the same.
 */
export function signalsToKeep(signals: PageSignals): PageSignals {
  return {
    ...signals,
    forms: unique(
      signals.forms.filter((form) => form.hasPassword),
      (form) => `${form.method} ${form.action}`,
    ),
    iframes: unique(signals.iframes, (frame) => `${frame.allow} ${frame.src}`),
    ...(signals.scriptHosts ? { scriptHosts: [...new Set(signals.scriptHosts)] } : {}),
    ...(signals.insecureResources ? { insecureResources: unique(signals.insecureResources, (r) => `${r.kind} ${r.url}`) } : {}),
  };
}
