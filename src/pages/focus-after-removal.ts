import { useEffect, useRef } from 'preact/hooks';

/**
 * Keeps the keyboard user's place when a list row goes (Remove, Forget, Undo): the focus was on
 * the row's own button, which is gone, and would fall to <body>, back at the top of the page.
 * Call `removed(index)` as the row at `index` is asked to go; once a render shows fewer rows,
 * the focus moves to the button of the row now at that place, else the last row's, else
 * `fallback()`. Until then (the answer is awaited, or the removal failed and the row stays)
 * the focus is left where it is. `buttons()` lists the rows' buttons as rendered.
 */
export function useFocusAfterRemoval(buttons: () => readonly HTMLElement[], fallback: () => HTMLElement | null | undefined): (index: number) => void {
  const pending = useRef<{ index: number; rows: number } | undefined>(undefined);
  useEffect(() => {
    const wanted = pending.current;
    if (wanted === undefined) return;
    const left = buttons();
    if (left.length >= wanted.rows) return;
    pending.current = undefined;
    const next = left[Math.min(wanted.index, left.length - 1)] ?? fallback();
    next?.focus();
  });
  return (index: number) => {
    pending.current = { index, rows: buttons().length };
  };
}
