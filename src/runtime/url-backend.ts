import type { BackendPreference } from './protocol';

const CHOICES: readonly BackendPreference[] = ['auto', 'webgl', 'webgpu', 'wasm', 'cpu'];

/** Reads `?backend=auto|webgl|webgpu|wasm|cpu` from a query string; anything else means `auto`, with a notice. */
export function backendFromQuery(search: string): { backend: BackendPreference; notice: string | null } {
  const value = new URLSearchParams(search).get('backend');
  if (value === null) return { backend: 'auto', notice: null };
  const choice = CHOICES.find((c) => c === value.trim().toLowerCase());
  if (choice) return { backend: choice, notice: null };
  return { backend: 'auto', notice: `The link asked for backend “${value.slice(0, 40)}”, which is not one of ${CHOICES.join(', ')}; using auto.` };
}

/**
 * The query string with the chosen backend written into it (`auto`, the default, leaves it out), other parameters
 * kept: the address then reloads, or is shared, with the backend the user picked in the app.
 */
export function queryWithBackend(search: string, backend: BackendPreference): string {
  const params = new URLSearchParams(search);
  if (backend === 'auto') params.delete('backend');
  else params.set('backend', backend);
  const query = params.toString();
  return query ? `?${query}` : '';
}
