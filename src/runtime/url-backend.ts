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
