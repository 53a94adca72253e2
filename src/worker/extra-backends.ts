import * as tf from '@tensorflow/tfjs-core';
// The WASM backend's binaries, emitted and served by the app itself (never fetched from a CDN).
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/** A backend that started, with its label, or why it could not. */
export type BackendTry = { ok: true; label: string } | { ok: false; reason: string };

/** A tiny op read back proves a backend really computes before any run depends on it. */
export async function computes(): Promise<boolean> {
  const probe = tf.tidy(() => tf.sum(tf.add(tf.ones([4]), 1)));
  const value = (await probe.data())[0];
  probe.dispose();
  return value === 8;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** tfjs's WebAssembly backend (loaded only when asked for): SIMD where the browser has it, threads only when cross-origin isolated. */
export async function tryWasm(): Promise<BackendTry> {
  try {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths({ 'tfjs-backend-wasm.wasm': wasmPlainUrl, 'tfjs-backend-wasm-simd.wasm': wasmSimdUrl, 'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl });
    if (!(await tf.setBackend('wasm'))) return { ok: false, reason: 'the WASM backend did not initialise' };
    if (!(await computes())) return { ok: false, reason: 'the WASM backend computed a wrong result' };
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
    return { ok: true, label: `WASM · ${simd ? 'SIMD' : 'no SIMD'}${threads ? ', threads' : ''}` };
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
}

/** The parts of WebGPU's API this file reads (the DOM typings here do not include WebGPU). */
interface GpuLike {
  requestAdapter(): Promise<{ info?: { vendor?: string; architecture?: string; description?: string } } | null>;
}

/** tfjs's WebGPU backend (loaded only when asked for), where `navigator.gpu` gives an adapter. */
export async function tryWebGpu(): Promise<BackendTry> {
  const gpu = (globalThis.navigator as unknown as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) return { ok: false, reason: 'this browser offers no WebGPU (navigator.gpu is missing; it needs a secure context and a browser that ships it)' };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { ok: false, reason: 'WebGPU is there but found no adapter (no usable GPU, or WebGPU is switched off)' };
    await import('@tensorflow/tfjs-backend-webgpu');
    if (!(await tf.setBackend('webgpu'))) return { ok: false, reason: 'the WebGPU backend did not initialise' };
    if (!(await computes())) return { ok: false, reason: 'the WebGPU backend computed a wrong result' };
    const info = adapter.info;
    const name = [info?.vendor, info?.architecture].filter((part) => part).join(' ') || info?.description || 'GPU';
    return { ok: true, label: `WebGPU · ${name.slice(0, 40)}` };
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
}
