/** The four shapes of a gRPC method. */
export type MethodKind = 'unary' | 'server-streaming' | 'client-streaming' | 'bidi';

/** Which of the four shapes a method has, from its stream flags. */
export function methodKind(method: { requestStream: boolean; responseStream: boolean }): MethodKind {
  if (method.requestStream) return method.responseStream ? 'bidi' : 'client-streaming';
  return method.responseStream ? 'server-streaming' : 'unary';
}
