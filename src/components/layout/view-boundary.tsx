import { Component, type ReactNode } from 'react';

interface ViewBoundaryState {
  error: string | null;
}

/** Keeps one failing view from taking the whole workspace down; the rest keeps training and drawing. */
export class ViewBoundary extends Component<{ name: string; children: ReactNode }, ViewBoundaryState> {
  override state: ViewBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ViewBoundaryState {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="view-failed" role="alert">
        <p>
          The {this.props.name} could not be drawn in this browser ({this.state.error}). Training and the other views carry on.
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
