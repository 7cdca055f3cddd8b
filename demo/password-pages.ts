/**
 * The demo's sign-in, sign-up and signed-in pages, one shared page each (demo/sites/_shared/)
 * for every host that has them: the same form means different things on a verified platform,
 * its other subdomain, the clinic's own sign-in domain and an ordinary shop.
 */
const SIGN_IN_HOSTS = ['doxy.me', 'clinic.doxy.me', 'secure.simplepractice.com', 'sso.example-clinic.org', 'shop.example-store.com'];
const SIGN_UP_HOSTS = ['doxy.me', 'shop.example-store.com'];

/** The shared page a host gets at a path for the password demos, if any: `_shared/<page>.html`. */
export function passwordPageFor(host: string, pathname: string): string | undefined {
  if (pathname === '/login' && SIGN_IN_HOSTS.includes(host)) return 'sign-in';
  if (pathname === '/signup' && SIGN_UP_HOSTS.includes(host)) return 'sign-up';
  if ((pathname === '/signed-in' || pathname === '/welcome') && SIGN_IN_HOSTS.includes(host)) return 'signed-in';
  return undefined;
}
