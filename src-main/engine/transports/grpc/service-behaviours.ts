import type { GrpcServiceConfig } from '@shared/flow/kinds/services';
import type { LoadedService } from './load-proto';
import { behaviourFromConfig, type MethodBehaviour, type RenderReply } from './method-behaviour';
import { checkServiceBehaviours, type FieldProblem } from './service-config-check';

/**
 * Everything a service node needs before it is hosted: the behaviour of each of its methods
 * (ready for startGrpcServer) and every problem found on the way, each at its field.
 * `compile` turns a template into a RenderReply and may throw; its message becomes the
 * problem of that template's field.
 */
export function serviceBehaviours(
  config: Pick<GrpcServiceConfig, 'methods' | 'responses' | 'streaming'>,
  service: LoadedService,
  compile: (source: string) => RenderReply,
): { behaviours: Map<string, MethodBehaviour>; problems: FieldProblem[] } {
  const problems = checkServiceBehaviours(config, service);
  const names = service.methods.map((m) => m.name);
  for (const method of Object.keys(config.responses))
    if (!names.includes(method))
      problems.push({
        field: `responses.${method}`,
        message: `names a method the service ${service.fullName} does not have (it has ${names.join(', ')})`,
      });
  const behaviours = new Map<string, MethodBehaviour>();
  for (const name of names) {
    let failed = false;
    const behaviour = behaviourFromConfig(config, name, (source, field) => {
      try {
        return compile(source);
      } catch (err) {
        failed = true;
        problems.push({ field, message: (err as Error).message });
        return () => undefined;
      }
    });
    if (behaviour && !failed) behaviours.set(name, behaviour);
  }
  return { behaviours, problems };
}
