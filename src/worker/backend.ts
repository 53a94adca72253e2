import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import type { BackendInfo, BackendPreference } from '../runtime/protocol';
import { computes, tryWasm, tryWebGpu, type BackendTry } from './extra-backends';

interface WebGlBackendLike {
  gpgpu?: { gl?: WebGL2RenderingContext | WebGLRenderingContext };
}

function webGlContext(): WebGL2RenderingContext | WebGLRenderingContext | null {
  return (tf.backend() as unknown as WebGlBackendLike).gpgpu?.gl ?? null;
}

/** A short name for the GPU behind WebGL (e.g. "SwiftShader" for Chromium's software renderer). */
function rendererName(): string {
  const gl = webGlContext();
  if (!gl) return 'unknown GPU';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  if (/swiftshader/i.test(renderer)) return 'SwiftShader';
  // "ANGLE (Vendor, Device Name (…), …)" → "Device Name"
  const angle = /^ANGLE \([^,]+,\s*([^,(]+)/.exec(renderer);
  return (angle?.[1] ?? renderer).trim().slice(0, 40);
}

async function tryWebGl(allowSoftware: boolean): Promise<boolean> {
  // tfjs refuses software WebGL unless this flag is set; a forced `webgl` sets it (the e2e tests rely on it).
  tf.env().set('SOFTWARE_WEBGL_ENABLED', allowSoftware);
  try {
    return (await tf.setBackend('webgl')) && (await computes());
  } catch {
    return false;
  }
}

/**
 * Picks the tfjs backend: WASM or WebGPU when asked for and they start; otherwise WebGL where it works (unless `cpu`
 * is asked for), else the CPU, saying why.
 */
export async function selectBackend(preference: BackendPreference, inWorker: boolean): Promise<BackendInfo> {
  tf.env().set('PROD', true);
  let refused: string | null = null;
  if (preference === 'wasm' || preference === 'webgpu') {
    const tried = preference === 'wasm' ? await tryWasm() : await tryWebGpu();
    if (tried.ok) return { name: preference, label: tried.label, notice: null, inWorker };
    refused = `${preference === 'wasm' ? 'WASM' : 'WebGPU'} could not start here (${tried.reason})`;
  }
  if (preference !== 'cpu' && (await tryWebGl(preference === 'webgl'))) {
    return { name: 'webgl', label: `WebGL · ${rendererName()}`, notice: refused ? `${refused}, so training runs on WebGL instead.` : null, inWorker };
  }
  await tf.setBackend('cpu');
  await tf.ready();
  const notice = refused
    ? `${refused}, and WebGL neither, so training runs on the CPU.`
    : preference === 'cpu'
      ? null
      : preference === 'webgl'
        ? 'WebGL could not start here, so training runs on the CPU instead.'
        : 'No usable GPU (WebGL) was found, so training runs on the CPU.';
  return { name: 'cpu', label: 'CPU', notice, inWorker };
}

/**
 * Starts exactly the named backend, or says why it cannot (no fallback): the batch-size sweep times each backend
 * on its own. WebGL is accepted even when the browser renders it in software, and the label says so.
 */
export async function startExactBackend(name: BackendInfo['name']): Promise<BackendTry> {
  tf.env().set('PROD', true);
  if (name === 'wasm') return tryWasm();
  if (name === 'webgpu') return tryWebGpu();
  if (name === 'webgl') {
    if (!(await tryWebGl(true))) return { ok: false, reason: 'WebGL could not start here' };
    const renderer = rendererName();
    return { ok: true, label: `WebGL · ${renderer}${renderer === 'SwiftShader' ? ' (software)' : ''}` };
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return { ok: true, label: 'CPU (tfjs, JavaScript)' };
}

/** Calls `onLost` if the WebGL context behind tfjs is lost; returns an unsubscribe function. */
export function watchContextLoss(onLost: () => void): () => void {
  const canvas = tf.getBackend() === 'webgl' ? webGlContext()?.canvas : null;
  if (!canvas) return () => undefined;
  const handler = (event: Event) => {
    event.preventDefault();
    onLost();
  };
  canvas.addEventListener('webglcontextlost', handler);
  return () => canvas.removeEventListener('webglcontextlost', handler);
}

/** Whether the WebGL context behind tfjs has been lost (false on the CPU backend). */
export function contextLost(): boolean {
  return tf.getBackend() === 'webgl' && (webGlContext()?.isContextLost() ?? false);
}

/** Forces a context loss (WEBGL_lose_context), for tests of the recovery path. Returns false without WebGL. */
export function loseContextForTest(): boolean {
  const extension = webGlContext()?.getExtension('WEBGL_lose_context');
  if (!extension) return false;
  extension.loseContext();
  return true;
}

/** Switches to the CPU backend after a failure of the current one. */
export async function fallBackToCpu(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

/** Live tensors on the active backend. */
export function liveTensorCount(): number {
  return tf.memory().numTensors;
}
