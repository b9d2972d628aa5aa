/** Starter sources for service nodes: small, valid, and showing what each field is for. */

/** The Greeter service of gRPC's own examples: one unary method. */
export const DEFAULT_PROTO = `syntax = "proto3";

package helloworld;

service Greeter {
  rpc SayHello (HelloRequest) returns (HelloReply);
}

message HelloRequest {
  string name = 1;
}

message HelloReply {
  string message = 1;
}
`;

/** A GraphQL schema with one query and one mutation. */
export const DEFAULT_SDL = `type Query {
  order(id: ID!): Order
}

type Mutation {
  placeOrder(customer: String!, total: Float!): Order
}

type Order {
  id: ID!
  customer: String
  total: Float
  status: String
}
`;

/** A query the GraphQL client starts with, matching DEFAULT_SDL. */
export const DEFAULT_QUERY = `query Order($id: ID!) {
  order(id: $id) {
    id
    status
  }
}
`;
