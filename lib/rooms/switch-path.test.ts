import { describe, expect, it } from 'vitest';
import { switchRoomPath } from './switch-path';

describe('switchRoomPath', () => {
  const go = (path: string, search = '', slug = 'cutover') => switchRoomPath(path, search, slug, 'launch');
  it('keeps the kind of page', () => {
    expect(go('/rooms/launch/report')).toBe('/rooms/cutover/report');
    expect(go('/rooms/launch/servers')).toBe('/rooms/cutover/servers');
    expect(go('/rooms/launch/settings')).toBe('/rooms/cutover/settings');
    expect(go('/wall/launch')).toBe('/wall/cutover');
    expect(go('/wall')).toBe('/wall/cutover');
    expect(go('/incidents')).toBe('/incidents?room=cutover');
    expect(go('/incidents', '?status=resolved')).toBe('/incidents?status=resolved&room=cutover');
  });
  it('leaves one incident for the other room’s list: numbers are per room', () => {
    expect(go('/incidents/12', '?room=launch')).toBe('/incidents?room=cutover');
  });
  it('drops ?room= for the default room', () => {
    expect(go('/incidents', '?room=cutover', 'launch')).toBe('/incidents');
  });
  it('sends pages about no room to the room’s incidents', () => {
    expect(go('/rooms')).toBe('/incidents?room=cutover');
    expect(go('/admin')).toBe('/incidents?room=cutover');
  });
  it('escapes the slug', () => {
    expect(go('/rooms/a/probes', '', 'a-b')).toBe('/rooms/a-b/probes');
  });
});
