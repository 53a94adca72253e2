import { beforeEach, describe, expect, it } from 'vitest';
import { useUiStore } from '../../../src/store/ui-store';

describe('ui store zoom', () => {
  beforeEach(() => useUiStore.setState({ xAxis: 'steps', xDomain: null }));

  it('stores a zoom range in order, whichever way it was dragged', () => {
    useUiStore.getState().setXDomain([80, 20]);
    expect(useUiStore.getState().xDomain).toEqual([20, 80]);
  });

  it('ignores an empty or non-finite range', () => {
    useUiStore.getState().setXDomain([5, 5]);
    useUiStore.getState().setXDomain([0, Number.NaN]);
    expect(useUiStore.getState().xDomain).toBeNull();
  });

  it('drops the zoom when the x-axis changes, but not when the same axis is chosen again', () => {
    useUiStore.getState().setXDomain([0, 10]);
    useUiStore.getState().setXAxis('steps');
    expect(useUiStore.getState().xDomain).toEqual([0, 10]);
    useUiStore.getState().setXAxis('epochs');
    expect(useUiStore.getState().xDomain).toBeNull();
  });
});
