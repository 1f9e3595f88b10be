import { Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { idOfType } from '../graphql/node.js';
import { readPublishedMinutes } from './minutes-document.js';
import { renderMinutesPdf } from './minutes-pdf.js';

/** GET /moten/:id/protokoll.pdf: the published minutes as a tagged PDF; 404 for anything unpublished. */
export function minutesRoutes({ orm }: { orm: MikroORM }): Router {
  const router = Router();
  router.get('/moten/:meetingId/protokoll.pdf', async (req, res, next) => {
    try {
      const meetingId = idOfType(req.params.meetingId, 'Meeting');
      const document = meetingId ? await readPublishedMinutes(orm.em.fork(), meetingId) : null;
      if (!document) {
        res.status(404).type('text/plain').send('Protokollet finns inte. / No such minutes.');
        return;
      }
      const pdf = await renderMinutesPdf(document);
      const day = document.meeting.startsAt.toISOString().slice(0, 10);
      res
        .status(200)
        .type('application/pdf')
        .set('Content-Disposition', `inline; filename="protokoll-${day}.pdf"`)
        .set('Cache-Control', 'no-cache')
        .send(pdf);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
