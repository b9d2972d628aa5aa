// kafkajs-snappy ships no types: its module is a factory for a kafkajs compression codec.
declare module 'kafkajs-snappy' {
  interface SnappyCodec {
    compress(encoder: { buffer: Buffer }): Promise<Buffer>;
    decompress(buffer: Buffer): Promise<Buffer>;
  }
  const createSnappyCodec: () => SnappyCodec;
  export default createSnappyCodec;
}
