import type { GdprRules } from '../accounts/gdpr.metadata.js';
import { REMOVED_PERSON } from '../accounts/gdpr.service.js';
import { CouncilSeat } from './council-seat.entity.js';

/** The holder name of a council seat whose holder deleted their account while holding it. */
export const VACANT_SEAT = 'Vakant';

/** A seat whose holder deleted their account becomes vacant and ends now, so it can be filled again. */
export const councilGdpr: GdprRules = {
  unlinked: [
    {
      entity: CouncilSeat,
      apply: (row) => {
        const seat = row as CouncilSeat;
        if (seat.endedAt) {
          seat.holderName = REMOVED_PERSON;
        } else {
          seat.holderName = VACANT_SEAT;
          seat.endedAt = new Date();
        }
      },
    },
  ],
};
