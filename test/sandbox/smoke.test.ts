import path from 'node:path';
import { Sandbox } from '../../src/sandbox/runtime';

describe('sandbox runtime', () => {
  it('loads the real bundle and builds the menu in onOpen', () => {
    const sb = Sandbox.fromDist(path.join(__dirname, '../../dist'));
    sb.open();
    const menu = sb.env.menus.get(sb.env.defaultUser.email) as { items: { caption: string }[] };
    expect(menu.items.map((i) => i.caption)).toContain('About Gendan');
  });
});
