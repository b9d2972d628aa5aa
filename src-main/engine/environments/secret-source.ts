/**
 * Where the engine gets the value of a keychain secret. The desktop host decrypts it with
 * the OS keychain and hands it over in memory when a run starts or a connection is tested;
 * browser mode has none. Values are never cached, written or logged by the engine.
 */
export interface SecretSource {
  /** The secret's value; rejects with a message naming what is wrong (never the value). */
  get(id: string): Promise<string>;
}
