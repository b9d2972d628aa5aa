/** Services family: REST, gRPC and GraphQL services and the clients that call them, one file each. */
export * from './rest-services';
export * from './grpc-services';
export * from './graphql-services';
