import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ViewBoundary } from '../../src/components/layout/view-boundary';

function Broken(): never {
  throw new Error('no 2-D canvas');
}

describe('view boundary', () => {
  it('shows a message in place of a view that throws, and leaves its siblings alone', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <>
        <ViewBoundary name="data view">
          <Broken />
        </ViewBoundary>
        <p>run cards</p>
      </>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The data view could not be drawn in this browser (no 2-D canvas)');
    expect(screen.getByText('run cards')).toBeInTheDocument();
    quiet.mockRestore();
  });
});
