import { describe, expect, it, vi } from 'vitest';
import { FIGHT_WINDOW_MS, FIGHTS_ALLOWED, FightLog } from '../../../src/content/fight-log';

describe('FightLog', () => {
  function log() {
    let time = 0;
    const onFought = vi.fn();
    const fights = new FightLog(onFought, () => time);
    return { fights, onFought, at: (ms: number) => (time = ms) };
  }

  it(`lets ${FIGHTS_ALLOWED} repairs within ${FIGHT_WINDOW_MS / 1000} s pass, and reports the next one, once`, () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { fights, onFought, at } = log();
    for (let i = 0; i < FIGHTS_ALLOWED; i++) {
      at(i * 1_000);
      fights.record();
    }
    expect(onFought).not.toHaveBeenCalled();
    at(FIGHTS_ALLOWED * 1_000);
    fights.record();
    fights.record();
    expect(onFought).toHaveBeenCalledOnce();
    expect(fights.fought).toBe(true);
    expect(fights.total).toBe(FIGHTS_ALLOWED + 2);
  });

  it('forgets repairs older than the window', () => {
    const { fights, onFought, at } = log();
    for (let i = 0; i < 20; i++) {
      at(i * (FIGHT_WINDOW_MS / FIGHTS_ALLOWED + 1));
      fights.record();
    }
    expect(onFought).not.toHaveBeenCalled();
  });
});
