import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries (lint)', () => {
  it('keeps tfjs out of main-thread code', async () => {
    expect(await importErrors('src/store/probe.ts', "import * as tf from '@tensorflow/tfjs-core';\nexport const t = tf;\n")).toHaveLength(1);
  });

  it('lets main-thread code import only types from tensor engine modules', async () => {
    expect(await importErrors('src/components/probe.tsx', "import type { Trainer } from '../engine/trainer';\nexport type T = Trainer;\n")).toEqual([]);
    expect(await importErrors('src/components/probe.tsx', "import { createTrainer } from '../engine/trainer';\nexport const c = createTrainer;\n")).toHaveLength(1);
  });

  it('keeps React and the store out of the engine', async () => {
    expect(await importErrors('src/engine/probe.ts', "import { useState } from 'react';\nexport const u = useState;\n")).toHaveLength(1);
    expect(await importErrors('src/engine/probe.ts', "import { x } from '../store/metrics-store';\nexport const y = x;\n")).toHaveLength(1);
  });
});
