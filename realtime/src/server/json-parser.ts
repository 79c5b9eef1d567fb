import { createRequire } from 'node:module';

/**
 * socket.io's parser with an encoder for JSON-only messages. The stock encoder walks every object
 * it sends looking for binary data (`hasBinary`), once per acknowledgement and once per broadcast:
 * ~1% of the tier's CPU under a class's burst of answers. Nothing this server emits carries binary
 * data (every message is a protocol view or reply, plain JSON), so packets are written as the
 * stock encoder writes a non-binary packet, byte for byte, and any socket.io client reads them.
 * Decoding is socket.io's own (clients may still send what they like; handlers validate it).
 */
interface Packet {
  type: number;
  nsp: string;
  id?: number;
  data?: unknown;
}

interface SocketIoParser {
  protocol: number;
  Decoder: new (...args: never[]) => unknown;
}

// The parser socket.io itself loads (its own dependency), so the decoder is the one it expects.
const stock = createRequire(import.meta.resolve('socket.io'))('socket.io-parser') as SocketIoParser;

export class JsonOnlyEncoder {
  encode(packet: Packet): string[] {
    // Same layout as socket.io-parser's encodeAsString for CONNECT, EVENT, ACK, …
    let out = String(packet.type);
    if (packet.nsp && packet.nsp !== '/') out += packet.nsp + ',';
    if (packet.id !== undefined && packet.id !== null) out += packet.id;
    if (packet.data !== undefined && packet.data !== null) out += JSON.stringify(packet.data);
    return [out];
  }
}

/** Pass as socket.io's `parser` option. */
export const jsonOnlyParser = {
  protocol: stock.protocol,
  Encoder: JsonOnlyEncoder,
  Decoder: stock.Decoder,
};
