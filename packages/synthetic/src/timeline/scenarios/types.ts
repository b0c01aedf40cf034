import type { Provider, TimelineBuilder } from '../builder.ts';
import type { PersonSpec } from '../person.ts';

/** A clinical story: who it happens to, and the care it fills the timeline with. */
export interface Scenario {
  person: PersonSpec;
  /** Fills the builder with conditions and events; returns the member's primary care provider. */
  build(b: TimelineBuilder): Provider;
}
