import * as parser from 'socket.io-parser';

/**
 * JSON already serialised, to be sent as is inside a command's ack: a join
 * snapshot (~50 KB with a night of history) is stringified once per room
 * build instead of once per screen. On the wire nothing changes — the
 * client's standard decoder reads the same text.
 */
export class PreEncoded {
  constructor(readonly json: string) {}
}

/** socket.io-parser's encoder, splicing a PreEncoded ack payload (`{ ok: true, data: PreEncoded }`) in as text. */
class Encoder extends parser.Encoder {
  override encode(obj: parser.Packet) {
    const ack = obj.type === parser.PacketType.ACK && Array.isArray(obj.data) && obj.data.length === 1 ? obj.data[0] : null;
    if (ack && typeof ack === 'object' && ack.ok === true && ack.data instanceof PreEncoded) {
      const head = `${obj.type}${obj.nsp && obj.nsp !== '/' ? `${obj.nsp},` : ''}${obj.id ?? ''}`;
      return [`${head}[{"ok":true,"data":${ack.data.json}}]`];
    }
    return super.encode(obj);
  }
}

/** The `parser` option of socket.io's Server: the standard protocol, with PreEncoded acks. */
export const preEncodingParser = { ...parser, Encoder };
