import { LiveEvent } from '../live/live-event.entity.js';
import { features } from '../features.js';

/** The live event log is the platform's; everything else comes from the features. */
export const entities = [LiveEvent, ...features.flatMap((feature) => feature.entities)];
