/**
 * The short list the popup shows during a video visit: the advice on protecting a
 * telehealth session that this project starts from, one line each, in plain words.
 */
export const SESSION_CHECKLIST: readonly string[] = [
  'Use a strong password that you use nowhere else.',
  'Turn on multi-factor authentication (a code or app prompt) for your patient account.',
  'Keep your browser, apps and computer updated.',
  'Avoid public Wi-Fi and shared or public computers for visits.',
  'Prefer a visit that is end-to-end encrypted.',
  'Know who your provider is: join only from the link your clinic sent.',
];
