// JSX types for React 19: `import type {} from 'lower-back-map/react'` once in your app, then
// <lower-back-map booking-url="…" theme="dark" /> type-checks. Listen to the widget's events
// through a ref: `ref.current.addEventListener('region-select', …)` is typed.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { LowerBackMapAttributes, LowerBackMapElement } from './element.js';

type LowerBackMapProps = DetailedHTMLProps<HTMLAttributes<LowerBackMapElement>, LowerBackMapElement> & LowerBackMapAttributes;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'lower-back-map': LowerBackMapProps;
    }
  }
}
