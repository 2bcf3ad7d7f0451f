/**
 * The SQLite sample writer's thread (started by sample-store.sqlite.ts):
 * batches arrive one message at a time and are written in arrival order,
 * each in one transaction; the reply (series ids, or the error) is sent
 * after COMMIT. A busy database is waited for here (this thread has nothing
 * else to do), not on the server's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openSampleWriter, type TGroupToWrite, type TWriteReply, type TWriteRequest } from './sample-store.sqlite';

const writer = openSampleWriter((workerData as { path: string }).path, { busyTimeoutMs: 10_000 });

parentPort!.on('message', (req: TWriteRequest) => {
  let reply: TWriteReply;
  try {
    const groups: TGroupToWrite[] = new Array(req.series.length);
    let at = 0;
    for (let j = 0; j < req.series.length; j++) {
      const s = req.series[j]!;
      groups[j] = { ...s, times: req.times.subarray(at, at + s.count), values: req.values.subarray(at, at + s.count) };
      at += s.count;
    }
    reply = { id: req.id, ids: writer.write(req.roomId, groups) };
  } catch (err) {
    const e = err as { message?: string; code?: string };
    reply = { id: req.id, error: { message: e.message ?? String(err), code: e.code } };
  }
  parentPort!.postMessage(reply);
});
