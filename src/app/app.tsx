/** The application shell; the comparison workspace mounts here. */
export function App() {
  return (
    <main>
      <h1>Batchscope</h1>
      <p>Why batch size matters in stochastic gradient descent.</p>
    </main>
  );
}
