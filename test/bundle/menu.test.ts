// Every menu item points at an exposed function, and every menu label exists in English and Chinese.
import { exposed } from '../../src/gas/main';
import { menuSectionsInUse } from '../../src/gas/menu';
import { APP_MESSAGES } from '../../src/domain/i18n/app';

describe('the Gendan menu', () => {
  it('calls only functions of the registry', () => {
    const fns = menuSectionsInUse().flatMap((s) => s.items.map((i) => i.fn));
    expect(fns.length).toBeGreaterThan(3);
    for (const fn of fns) expect(Object.keys(exposed)).toContain(fn);
  });

  it('has every label in both languages', () => {
    for (const s of menuSectionsInUse()) {
      for (const id of [s.title, ...s.items.map((i) => i.label)]) {
        if (!id) continue;
        expect(APP_MESSAGES[id].en.length).toBeGreaterThan(0);
        expect(APP_MESSAGES[id].zh.length).toBeGreaterThan(0);
      }
    }
  });
});
