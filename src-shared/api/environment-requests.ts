import { z } from 'zod';
import {
  customEnvironmentSchema,
  ID_PATTERN,
  type ConnectionCheck,
  type CustomEnvironment,
} from '../run/custom-environment';
import { environmentSchema, type Environment } from '../run/environment';
import { output } from './request-output';

const itemIdSchema = z.string().regex(ID_PATTERN, 'must be letters, digits, - or _');

/** Settings, environments (built-in and user-defined), their connection tests and keychain secrets. */
export const environmentRequests = {
  'settings.get': { input: z.object({}).strict(), output: output<{ environment: Environment }>() },
  'settings.setEnvironment': {
    input: z.object({ environment: environmentSchema }).strict(),
    output: output<{ environment: Environment }>(),
  },
  /** The user-defined environments (secret references only, never values). */
  'environments.list': {
    input: z.object({}).strict(),
    output: output<{ environments: CustomEnvironment[] }>(),
  },
  /** Adds or replaces (by id) a user-defined environment; the engine picks an id when none is given. */
  'environments.save': {
    input: z.object({ environment: customEnvironmentSchema.partial({ id: true }) }).strict(),
    output: output<{ environment: CustomEnvironment }>(),
  },
  /** Deletes a user-defined environment; when it was the active one, Embedded becomes active. */
  'environments.delete': {
    input: z.object({ id: itemIdSchema }).strict(),
    output: output<{ deleted: boolean }>(),
  },
  /** Makes `embedded`, `local` (its last addresses) or a saved environment the active one. */
  'environment.select': {
    input: z.object({ id: itemIdSchema }).strict(),
    output: output<{ environment: Environment }>(),
  },
  /**
   * Connects to every transport of a saved (`id`) or unsaved (`environment`) environment,
   * with a timeout; gRPC only when `grpcAddress` is given. Never runs a flow.
   */
  'environment.test': {
    input: z
      .object({
        id: itemIdSchema.optional(),
        environment: environmentSchema.optional(),
        grpcAddress: z
          .string()
          .regex(/^[^\s]+:\d{1,5}$/, 'must be host:port')
          .optional(),
        timeoutMs: z.number().int().min(200).max(60_000).optional(),
      })
      .strict()
      .refine((i) => (i.id === undefined) !== (i.environment === undefined), {
        message: 'give either id or environment',
      }),
    /** `error`: the environment could not be resolved (a variable not set, a file not readable). */
    output: output<{ results: ConnectionCheck[]; error?: string }>(),
  },
  /**
   * Keeps a secret in the OS keychain (desktop only; browser mode refuses) and returns its
   * id for a `{ from: 'keychain', id }` reference. Replaces the value when `id` is given.
   */
  'secrets.set': {
    input: z.object({ id: itemIdSchema.optional(), value: z.string().min(1).max(65_536) }).strict(),
    output: output<{ id: string }>(),
  },
  'secrets.delete': {
    input: z.object({ id: itemIdSchema }).strict(),
    output: output<{ deleted: boolean }>(),
  },
} as const;
