import { afterEach, describe, expect, it, vi } from 'vitest';
import { fake } from './fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fake.browser }));
const { addUserDomain, readUserAdditions, removeUserDomain } = await import('../../../src/background/user-additions');

afterEach(() => {
  fake.reset();
});

function failWritesWith(error: Error): void {
  fake.hooks.beforeSet = () => {
    throw error;
  };
}

describe("the user's own list in storage.local", () => {
  it.each([
    ['Chrome', new Error('Resource::kQuotaBytes quota exceeded')],
    ['older Chrome', new Error('QUOTA_BYTES quota exceeded')],
    ['Firefox', Object.assign(new Error('The current transaction exceeded its quota limitations.'), { name: 'QuotaExceededError' })],
  ])('says plainly that a full storage (%s) kept a site from being saved', async (_, error) => {
    failWritesWith(error);
    await expect(addUserDomain('visit.example-clinic.org')).rejects.toThrow(
      /^Your browser's storage for extensions is full, so visit\.example-clinic\.org was not saved\. Remove sites you no longer need/,
    );
    expect(await readUserAdditions()).toEqual([]);
  });

  it('passes other storage errors on as they are', async () => {
    failWritesWith(new Error('IO error: disk is on fire'));
    await expect(addUserDomain('visit.example-clinic.org')).rejects.toThrow('IO error: disk is on fire');
  });

  it('saves again once there is room, one change after another', async () => {
    failWritesWith(new Error('QUOTA_BYTES quota exceeded'));
    await expect(addUserDomain('a.example.org')).rejects.toThrow(/storage for extensions is full/);
    delete fake.hooks.beforeSet;
    await addUserDomain('a.example.org', 1);
    await addUserDomain('b.example.org', 2);
    await removeUserDomain('a.example.org');
    expect(await readUserAdditions()).toEqual([{ domain: 'b.example.org', addedAt: 2 }]);
  });
});
