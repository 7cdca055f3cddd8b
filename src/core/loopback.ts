/**
 * Hosts whose http pages browsers treat as secure contexts ("potentially trustworthy"
 * origins): localhost and its subdomains, 127.0.0.0/8 and [::1]. Nothing sent to them crosses
 * a network, so plain http there exposes no password: a developer's local portal is no finding.
 * `host` as `URL.hostname` gives it (IPv6 in brackets), lower case.
 */
export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(name) || name === '[::1]';
}

/** An `http:` address that leaves the machine; false for https, loopback and what does not parse. */
export function isInsecureHttpUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname);
}
