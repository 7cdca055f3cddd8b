/** A moment as people read it, with the date: "last success" may be days ago. */
export function formatTime(at: number | undefined): string {
  if (at === undefined) return 'never';
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}
