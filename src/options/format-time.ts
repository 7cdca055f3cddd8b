import type { Messages } from '../core/i18n/messages';

/** A moment as people read it, with the date: "last success" may be days ago. */
export function formatTime(at: number | undefined, m: Messages): string {
  if (at === undefined) return m.text('timeNever');
  return m.time(at);
}
