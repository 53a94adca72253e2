import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { AddRunForm } from '../../src/components/runs/add-run-form';
import { useSettingsStore } from '../../src/store/settings-store';
import { resetStores } from './fixtures';

describe('the add-run form', () => {
  beforeEach(resetStores);

  it('adds a run with the typed batch size, and says so when the limit of five is reached', () => {
    render(<AddRunForm />);
    const field = screen.getByRole('textbox', { name: 'Batch size of the new run' });
    fireEvent.change(field, { target: { value: '64' } });
    fireEvent.click(screen.getByRole('button', { name: '+ Add run' }));
    expect(useSettingsStore.getState().runs.map((r) => r.batchSize)).toEqual([1, 32, 'full', 64]);
    fireEvent.click(screen.getByRole('button', { name: '+ Add run' }));
    expect(useSettingsStore.getState().runs).toHaveLength(5);
    expect(screen.queryByRole('button', { name: '+ Add run' })).toBeNull();
    expect(screen.getByText('5 runs at most: remove an extra run to add another.')).toBeInTheDocument();
  });

  it('refuses a batch size that is not one, beside the field', () => {
    render(<AddRunForm />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Batch size of the new run' }), { target: { value: '−3' } });
    fireEvent.click(screen.getByRole('button', { name: '+ Add run' }));
    expect(screen.getByRole('status')).toHaveTextContent('A batch holds at least 1 example; no run added.');
    expect(useSettingsStore.getState().runs).toHaveLength(3);
  });
});
