import { beforeAll } from 'vitest';
import { useCpuBackend } from '../../cli/cpu-backend';

beforeAll(async () => {
  await useCpuBackend();
});
