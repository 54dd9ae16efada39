/** The host's view of what the app registered, and the input bindings each invocation carries. */
import type { RpcParameterBinding, RpcTypedData } from './coreTypes';
import type { CoreFunction } from './functionsCoreShim';
import type { HostExtension, RegisteredBinding, RegisteredFunction, RpcTypedDataLike } from './types';

const DIRECTIONS = new Set(['in', 'out', 'inout']);

export function toRegisteredFunction(fn: CoreFunction): RegisteredFunction {
  const bindings: RegisteredBinding[] = Object.entries(fn.metadata.bindings).map(([name, info]) => {
    const { type, direction, name: _ignoredName, ...properties } = info;
    void _ignoredName;
    return {
      name,
      type: String(type ?? ''),
      direction: DIRECTIONS.has(String(direction)) ? (direction as RegisteredBinding['direction']) : 'in',
      properties,
    };
  });
  const trigger = bindings.find((binding) => /trigger$/i.test(binding.type));
  if (!trigger) throw new Error(`Function "${fn.metadata.name}" has no trigger binding`);
  return { name: fn.metadata.name, trigger, bindings };
}

/**
 * The invocation's `inputData`: the trigger first, then every other input binding, taken from the caller when it
 * passed one and otherwise from the extension that owns the binding type (e.g. the Durable engine for durableClient).
 */
export function buildInputData(
  fn: RegisteredFunction,
  trigger: RpcTypedDataLike,
  explicitInputs: Record<string, RpcTypedDataLike> | undefined,
  extensions: readonly HostExtension[],
): RpcParameterBinding[] {
  const inputData: RpcParameterBinding[] = [{ name: fn.trigger.name, data: trigger as RpcTypedData }];
  for (const binding of fn.bindings) {
    if (binding === fn.trigger || binding.direction === 'out') continue;
    let value = explicitInputs?.[binding.name];
    if (value === undefined) {
      const owner = extensions.find((ext) => ext.inputBindingValue && ext.inputBindingTypes?.includes(binding.type));
      value = owner?.inputBindingValue?.(binding, fn);
    }
    if (value !== undefined) inputData.push({ name: binding.name, data: value as RpcTypedData });
  }
  return inputData;
}
