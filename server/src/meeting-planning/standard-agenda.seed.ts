import type { EntityManager } from '@mikro-orm/postgresql';
import { AgendaItemKind } from '@samverka/domain';
import type { Forum } from '../forums/forum.entity.js';
import { StandardAgendaItem } from './standard-agenda-item.entity.js';

/** Samverkansrådet's standard agenda: the formalities its meetings open and close with, in the seeds' order. */
export const COUNCIL_STANDARD_AGENDA: {
  title: string;
  kind: AgendaItemKind;
  plannedMinutes: number;
  description?: string;
}[] = [
  { title: 'Mötets öppnande', kind: AgendaItemKind.FORMALITY, plannedMinutes: 2 },
  {
    title: 'Val av justerare',
    kind: AgendaItemKind.FORMALITY,
    plannedMinutes: 3,
    description: 'En eller två ledamöter justerar protokollet tillsammans med ordföranden.',
  },
  { title: 'Föregående mötes protokoll', kind: AgendaItemKind.FORMALITY, plannedMinutes: 5 },
  { title: 'Anmälda frågor från föreningarna', kind: AgendaItemKind.INFORMATION, plannedMinutes: 15 },
  { title: 'Övriga frågor', kind: AgendaItemKind.DISCUSSION, plannedMinutes: 5 },
  { title: 'Mötets avslutande', kind: AgendaItemKind.FORMALITY, plannedMinutes: 2 },
];

/** Seeds a forum's standard agenda, inside the demo seed's transaction. */
export function seedStandardAgenda(tx: EntityManager, forum: Forum): void {
  COUNCIL_STANDARD_AGENDA.forEach((item, index) =>
    tx.create(StandardAgendaItem, { forum, position: index + 1, ...item }),
  );
}
