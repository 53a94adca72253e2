import type { BackendName } from './protocol';

/** Whether this browser offers a backend, and if not, why (shown beside its checkbox). */
export interface BackendOffer {
  backend: BackendName;
  available: boolean;
  reason: string | null;
}

/** The order backends are listed and swept in: the plain CPU first, the GPU ones last. */
export const SWEEP_BACKENDS: readonly BackendName[] = ['cpu', 'wasm', 'webgl', 'webgpu'];

export const BACKEND_NAMES: Record<BackendName, string> = { cpu: 'CPU', wasm: 'WASM', webgl: 'WebGL', webgpu: 'WebGPU' };

interface GpuLike {
  requestAdapter(): Promise<unknown>;
}

function webGlOffer(): BackendOffer {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    return gl ? { backend: 'webgl', available: true, reason: null } : { backend: 'webgl', available: false, reason: 'this browser gives no WebGL context' };
  } catch {
    return { backend: 'webgl', available: false, reason: 'this browser gives no WebGL context' };
  }
}

async function webGpuOffer(): Promise<BackendOffer> {
  const gpu = (navigator as unknown as { gpu?: GpuLike }).gpu;
  if (!gpu) return { backend: 'webgpu', available: false, reason: 'this browser offers no WebGPU (navigator.gpu is missing)' };
  try {
    if (await gpu.requestAdapter()) return { backend: 'webgpu', available: true, reason: null };
  } catch {
    // An adapter request that throws is as good as none.
  }
  return { backend: 'webgpu', available: false, reason: 'WebGPU is there but found no adapter' };
}

/** What this browser offers, probed on the page without loading tfjs (a backend may still fail in its worker; the sweep then says why). */
export async function probeBackendOffers(): Promise<BackendOffer[]> {
  const wasm: BackendOffer =
    typeof WebAssembly === 'object' ? { backend: 'wasm', available: true, reason: null } : { backend: 'wasm', available: false, reason: 'this browser has no WebAssembly' };
  return [{ backend: 'cpu', available: true, reason: null }, wasm, webGlOffer(), await webGpuOffer()];
}
