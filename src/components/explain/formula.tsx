import { useMemo } from 'react';
import temml from 'temml';

/**
 * A formula rendered to MathML (temml), which the browser typesets itself: no font files, no stylesheet and no
 * inline styles, so a strict Content-Security-Policy needs no exceptions. `label` is what a screen reader says.
 */
export function Formula({ tex, label, block = false }: { tex: string; label: string; block?: boolean }) {
  // temml's display mode writes a style attribute (which a strict CSP refuses): a block is \displaystyle plus CSS instead.
  const markup = useMemo(() => temml.renderToString(block ? `\\displaystyle ${tex}` : tex, { throwOnError: false }), [tex, block]);
  return <span className={block ? 'formula formula-block' : 'formula'} role="math" aria-label={label} dangerouslySetInnerHTML={{ __html: markup }} />;
}
