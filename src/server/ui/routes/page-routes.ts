/**
 * @module The read pages: queue, changes, audit report (with its exports) and audit log; the stylesheet.
 */
import type { Hono } from 'hono';
import type { AuditVerifyResult } from '../../../store/store.js';
import type { AppEnv } from '../../app-env.js';
import { whyDenied } from '../../auth/permissions.js';
import { requireCsrf } from '../../auth/require-csrf.js';
import { badRequest, HttpError } from '../../http/http-error.js';
import { readAuditReport } from '../../read/read-audit-report.js';
import { readChangeViews } from '../../read/read-change-views.js';
import { readQueue } from '../../read/read-queue.js';
import { readRecordedChanges } from '../../read/read-recorded-changes.js';
import type { ServerDeps } from '../../server-deps.js';
import { formatReportCsv } from '../../views/format-report-csv.js';
import { resolveReportPeriod } from '../../views/report-period.js';
import { resolveReportScope, scopeChoices } from '../../views/report-scope.js';
import { renderAuditLogPage } from '../pages/render-audit-log-page.js';
import { renderAuditPage } from '../pages/render-audit-page.js';
import { renderChangesPage } from '../pages/render-changes-page.js';
import { renderQueuePage } from '../pages/render-queue-page.js';
import { STYLESHEET, STYLESHEET_VERSION } from '../stylesheet.js';
import { pagePrincipal } from './page-guard.js';

const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#14213d"/><path d="M3 11h10M5 11V6m6 5V6M3 6h10" stroke="#ffbf47" stroke-width="1.6"/></svg>';
const VERIFY_CACHE_MS = 30_000;
const LOG_PAGE = 50;

export function registerPageRoutes(app: Hono<AppEnv>, deps: ServerDeps): void {
  app.get('/assets/tollgate.css', (c) =>
    c.body(STYLESHEET, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=31536000, immutable', ETag: `"${STYLESHEET_VERSION}"` }),
  );
  app.get('/favicon.svg', (c) => c.body(FAVICON, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' }));
  app.get('/', (c) => c.redirect('/queue', 303));

  app.get('/queue', async (c) => {
    const principal = pagePrincipal(c, 'changes:read');
    if (principal instanceof Response) return principal;
    const queue = await readQueue(deps, principal);
    const denied = whyDenied(principal, 'changes:decide');
    return c.html(renderQueuePage({ principal, ...queue, ...(denied ? { cannotDecide: `You can read changes but not decide: ${denied}.` } : {}) }).value, 200, { 'Cache-Control': 'no-store' });
  });

  app.get('/changes', async (c) => {
    const principal = pagePrincipal(c, 'changes:read');
    if (principal instanceof Response) return principal;
    const changes = (await readRecordedChanges(deps.store)).filter((change) => change.supersededBy === undefined);
    const views = (await readChangeViews(deps.store, deps.catalog, changes)).reverse();
    return c.html(renderChangesPage(principal, views).value, 200, { 'Cache-Control': 'no-store' });
  });

  const report = async (scopeText: string | undefined, from: string | undefined, to: string | undefined, defaultScope: string) => {
    const scopeValue = scopeText ?? defaultScope;
    const scope = resolveReportScope(scopeValue, deps.catalog);
    if (!scope.ok) throw badRequest(scope.message, [{ path: 'query.scope', message: scope.message }]);
    const period = resolveReportPeriod(from || undefined, to || undefined, deps.now());
    if (!period.ok) throw badRequest(period.message, [{ path: 'query.from', message: period.message }]);
    return { scopeValue, period: period.period, report: await readAuditReport(deps, scope.resolved, period.period.from, period.period.until) };
  };
  const defaultScopeOf = (person: string): string =>
    deps.catalog.systems.some((s) => s.director === person || s.vp === person) ? `person:${person}` : 'all';

  app.get('/audit', async (c) => {
    const principal = pagePrincipal(c, 'audit:read');
    if (principal instanceof Response) return principal;
    const { scopeValue, period, report: built } = await report(c.req.query('scope'), c.req.query('from'), c.req.query('to'), defaultScopeOf(principal.person));
    const page = renderAuditPage({ principal, report: built, scope: scopeValue, fromDay: period.fromDay, toDay: period.toDay, choices: scopeChoices(deps.catalog) });
    return c.html(page.value, 200, { 'Cache-Control': 'no-store' });
  });
  for (const format of ['csv', 'json'] as const) {
    app.get(`/audit/report.${format}`, async (c) => {
      const principal = pagePrincipal(c, 'audit:read');
      if (principal instanceof Response) return principal;
      const { period, report: built } = await report(c.req.query('scope'), c.req.query('from'), c.req.query('to'), defaultScopeOf(principal.person));
      const filename = `tollgate-audit-${period.fromDay}-${period.toDay}.${format}`;
      const disposition = { 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'no-store' };
      return format === 'csv'
        ? c.body(formatReportCsv(built), 200, { 'Content-Type': 'text/csv; charset=utf-8', ...disposition })
        : c.body(JSON.stringify(built, null, 2), 200, { 'Content-Type': 'application/json; charset=utf-8', ...disposition });
    });
  }

  let verified: { at: number; seq: number; result: AuditVerifyResult; iso: string } | undefined;
  app.get('/audit/log', async (c) => {
    const principal = pagePrincipal(c, 'audit:read');
    if (principal instanceof Response) return principal;
    const type = c.req.query('type')?.trim() || undefined;
    const beforeText = c.req.query('before');
    const before = beforeText !== undefined ? Number(beforeText) : undefined;
    if (before !== undefined && (!Number.isInteger(before) || before < 1)) throw badRequest('`before` must be a positive whole number', [{ path: 'query.before', message: 'not a sequence number' }]);
    const head = await deps.store.audit.head();
    const now = Date.now();
    if (!verified || verified.seq !== (head?.seq ?? 0) || now - verified.at > VERIFY_CACHE_MS) {
      const result = await deps.store.audit.verify(deps.signingKey ? { publicKey: deps.signingKey.publicKeyPem } : {});
      verified = { at: now, seq: head?.seq ?? 0, result, iso: deps.now().toISOString() };
    }
    const top = Math.min(before ?? Number.MAX_SAFE_INTEGER, (head?.seq ?? 0) + 1);
    const events = type ? await newestOfType(deps, type, top) : await deps.store.audit.list({ afterSeq: Math.max(0, top - 1 - LOG_PAGE), limit: LOG_PAGE });
    const shown = events.filter((event) => event.seq < top).reverse().slice(0, LOG_PAGE);
    const oldest = shown[shown.length - 1];
    const canCheckpoint = whyDenied(principal, 'audit:checkpoint') === undefined && deps.signingKey !== undefined;
    const page = renderAuditLogPage({
      principal,
      verification: verified.result,
      verifiedAt: verified.iso,
      checkpoint: await deps.store.audit.latestCheckpoint(),
      events: shown,
      ...(type ? { type } : {}),
      ...(oldest && oldest.seq > 1 ? { olderBefore: oldest.seq } : {}),
      ...(before !== undefined && head && before <= head.seq ? { newerBefore: Math.min(head.seq + 1, before + LOG_PAGE) } : {}),
      canCheckpoint,
      ...(principal.session ? { csrfToken: principal.session.csrfToken } : {}),
    });
    return c.html(page.value, 200, { 'Cache-Control': 'no-store' });
  });

  app.post('/audit/checkpoints', requireCsrf(deps), async (c) => {
    const principal = pagePrincipal(c, 'audit:checkpoint');
    if (principal instanceof Response) return principal;
    if (!deps.signingKey) throw new HttpError(503, 'unavailable', 'the server has no signing key');
    if ((await deps.store.audit.head()) !== null) await deps.store.audit.checkpoint();
    return c.redirect('/audit/log', 303);
  });
}

/** The newest events of one type below `top`: pages forward through that type only. */
async function newestOfType(deps: ServerDeps, type: string, top: number) {
  const all = [];
  let afterSeq = 0;
  for (;;) {
    const page = await deps.store.audit.list({ types: [type], afterSeq, limit: 1000 });
    all.push(...page.filter((event) => event.seq < top));
    if (page.length < 1000) break;
    afterSeq = page[page.length - 1]!.seq;
  }
  return all.slice(-LOG_PAGE);
}
