import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThrowawayDatabase, DB_KINDS } from '../../tests/helpers/server';
import { openDatabase, type TDatabase } from './client';

describe.each(DB_KINDS)('sample store on %s', (kind) => {
  let db: TDatabase;
  let drop: () => Promise<void>;
  let roomId: string;

  beforeAll(async () => {
    const t = await createThrowawayDatabase(kind);
    drop = t.drop;
    db = await openDatabase(t.url);
    roomId = (await db.prisma.room.create({ data: { slug: 'r', name: 'r' } })).id;
  });
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  it('stores a batch grouped by series and reports each series once', async () => {
    const changes = await db.samples.insertBatch(roomId, [
      { name: 'users_total', labelsKey: '', time: 2000, value: 20 },
      { name: 'users_total', labelsKey: '', time: 1000, value: 10 },
      { name: 'cpu_ratio', labelsKey: '{"server":"a"}', time: 1000, value: 0.5 },
    ]);
    expect(changes).toHaveLength(2);
    const users = changes.find((c) => c.name === 'users_total')!;
    expect(users.points).toEqual([
      [1000, 10],
      [2000, 20],
    ]);
    expect(users.latestValue).toBe(20);
    expect(await db.samples.readRange(users.seriesId, 0, 5000)).toEqual([
      [1000, 10],
      [2000, 20],
    ]);
    const s = await db.prisma.metricSeries.findUniqueOrThrow({ where: { id: users.seriesId } });
    expect(s.latestValue).toBe(20);
    expect(s.latestTime?.getTime()).toBe(2000);
  });

  it('a retried batch stores nothing twice and a late point never moves latest back', async () => {
    const rows = [{ name: 'users_total', labelsKey: '', time: 3000, value: 30 }];
    await db.samples.insertBatch(roomId, rows);
    await db.samples.insertBatch(roomId, rows);
    const [c] = await db.samples.insertBatch(roomId, [{ name: 'users_total', labelsKey: '', time: 1500, value: 15 }]);
    expect(await db.samples.readRange(c!.seriesId, 0, 5000)).toEqual([
      [1000, 10],
      [1500, 15],
      [2000, 20],
      [3000, 30],
    ]);
    const s = await db.prisma.metricSeries.findUniqueOrThrow({ where: { id: c!.seriesId } });
    expect(s.latestValue).toBe(30);
  });

  it('keeps the last value for a repeated time within one batch', async () => {
    const [c] = await db.samples.insertBatch(roomId, [
      { name: 'dup', labelsKey: '', time: 1, value: 1 },
      { name: 'dup', labelsKey: '', time: 1, value: 2 },
    ]);
    expect(await db.samples.readRange(c!.seriesId, 0, 10)).toEqual([[1, 2]]);
  });

  it('writes nothing when the batch fails part-way', async () => {
    const before = await db.prisma.metricSample.count();
    await expect(db.samples.insertBatch('no-such-room', [{ name: 'x', labelsKey: '', time: 1, value: 1 }])).rejects.toThrow();
    expect(await db.prisma.metricSample.count()).toBe(before);
  });
});
