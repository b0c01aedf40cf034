import express from 'express';
import type { Express, RequestHandler, Router } from 'express';

const securityHeaders: RequestHandler = (_req, res, next) => {
  res.set({ 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY' });
  next();
};

/**
 * The Express application a composition mounts its routers on: no `X-Powered-By`, no automatic ETags (the FHIR
 * routes set their own), and `nosniff` and `DENY` framing on every answer.
 */
export function createServerApp(): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(securityHeaders);
  return app;
}

/** An empty router (a composition gathers its surface in one, mounted once the public URL is known). */
export function createRouter(): Router {
  return express.Router();
}
