// Types for `import 'lower-back-map/element'`, which registers <lower-back-map>.

/** A region of the map. */
export type RegionId = 'ql' | 'si-joint' | 'glutes' | 'psoas';
/** The person's own side; the psoas is one target for both sides. */
export type SideId = 'left' | 'right' | 'both';
/** `region` or `region:side`: `"psoas"`, `"ql:left"`, `"glutes:right"`; a two-sided region alone (`"glutes"`) is opened without a side. */
export type TargetString = RegionId | `${Exclude<RegionId, 'psoas'>}:${'left' | 'right'}` | 'psoas:both';

/** What is selected, or nulls for the overview. */
export interface TargetDetail {
  region: RegionId | null;
  /** Null for the overview, and for a two-sided region opened without a side. */
  side: SideId | null;
}
/** `map-ready`: the first selection (from the `region` attribute or the page's URL), or nulls. */
export type MapReadyDetail = TargetDetail;
/** `region-select`: every selection and every return to the overview (nulls). */
export interface RegionSelectDetail extends TargetDetail {
  source: 'pointer' | 'keyboard' | 'api' | 'link' | 'feeling';
}
/** `booking-click`: the visitor follows the booking link. */
export interface BookingClickDetail extends TargetDetail {
  href: string;
}

/** `feeling-select`: the visitor's answers to "Which sounds like yours?" and the areas the
 * clinic's article links to them (a set, never a ranking). The kidney check is never reported. */
export interface FeelingSelectDetail {
  feelings: Array<'deep-ache' | 'one-side-tight' | 'sharp-at-dimples' | 'tires-and-strains' | 'long-sitting'>;
  regions: RegionId[];
}

/** Attributes of <lower-back-map>; see the package README for each value. */
export interface LowerBackMapAttributes {
  'booking-url'?: string;
  'booking-provider'?: 'link' | 'calendly' | 'acuity' | 'calcom';
  'booking-field'?: string;
  'clinic-name'?: string;
  region?: TargetString | '';
  analytics?: string;
  'analytics-feelings'?: string;
  theme?: 'light' | 'dark' | 'auto';
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
  id?: string;
  name?: string;
}

/** Any string of the widget can be replaced; keys are listed in the package README. */
export interface LowerBackMapConfig {
  bookingUrl?: string;
  bookingProvider?: string;
  bookingField?: string;
  clinicName?: string;
  region?: string;
  analytics?: string;
  'analytics-feelings'?: string;
  theme?: string;
  ui?: Record<string, string>;
  regions?: Partial<Record<RegionId, Partial<Record<'name' | 'alias' | 'location' | 'cause' | 'treatment' | 'selfCare', string>>>>;
  stretchSteps?: string[];
  [key: string]: unknown;
}

export interface LowerBackMapEventMap extends HTMLElementEventMap {
  'map-ready': CustomEvent<MapReadyDetail>;
  'region-select': CustomEvent<RegionSelectDetail>;
  'booking-click': CustomEvent<BookingClickDetail>;
  'feeling-select': CustomEvent<FeelingSelectDetail>;
}

export interface LowerBackMapElement extends HTMLElement {
  /** Replaces any string or setting; attributes still win. */
  config: LowerBackMapConfig | undefined;
  /** Selects a region from code: `select('psoas')`, `select('ql', 'right')`. */
  select(region: RegionId | TargetString, side?: SideId): void;
  /** Back to the overview. */
  clear(): void;
  /** The selection as `"region:side"`, the region alone when no side was chosen, or undefined. */
  readonly selected: string | undefined;
  /** The booking link as it stands now. */
  readonly bookingHref: string | undefined;
  addEventListener<K extends keyof LowerBackMapEventMap>(
    type: K,
    listener: (this: LowerBackMapElement, event: LowerBackMapEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof LowerBackMapEventMap>(
    type: K,
    listener: (this: LowerBackMapElement, event: LowerBackMapEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'lower-back-map': LowerBackMapElement;
  }
}
