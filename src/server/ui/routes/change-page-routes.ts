/**
 * @module The change page and its decision forms (approve, reject, sign off, withdraw).
 */
import type { Context, Hono } from 'hono';
import { approveChange } from '../../../workflow/approve-change.js';
import { changeStatus } from '../../../workflow/change-status.js';
import { authorsOf } from '../../../workflow/identify-people.js';
import { rejectChange, withdrawRejection } from '../../../workflow/reject-change.js';
import type { AppEnv, RequestPrincipal } from '../../app-env.js';
import { whyDenied } from '../../auth/permissions.js';
import { requireCsrf } from '../../auth/require-csrf.js';
import { badRequest, notFound } from '../../http/http-error.js';
import { peopleOf } from '../../read/people-of.js';
import { readChangeDeploys } from '../../read/read-change-deploys.js';
import type { ServerDeps } from '../../server-deps.js';
import { path } from '../html.js';
import { renderChangePage } from '../pages/render-change-page.js';
import type { DecisionOptions } from '../pages/render-decision-forms.js';
import { pagePrincipal } from './page-guard.js';

const DONE: Record<string, string> = {
  approved: 'Your approval of this content is recorded.',
  'signed-off': 'Your sign-off is recorded.',
  rejected: 'Your rejection is recorded: the change is blocked until you withdraw it.',
  withdrawn: 'Your rejection is withdrawn.',
};

const DIGEST = /^[0-9a-f]{4,64}$/;

export function registerChangePageRoutes(app: Hono<AppEnv>, deps: ServerDeps): void {
  app.get('/changes/:digest', async (c) => {
    const principal = pagePrincipal(c, 'changes:read');
    if (principal instanceof Response) return principal;
    const done = DONE[c.req.query('done') ?? ''];
    return renderPage(c, deps, principal, c.req.param('digest'), done ? { kind: 'ok', text: done } : undefined, 200);
  });

  const decide = (verb: 'approve' | 'sign-off' | 'reject' | 'withdraw') =>
    app.post(`/changes/:digest/${verb}`, requireCsrf(deps), async (c) => {
      const principal = pagePrincipal(c, 'changes:decide');
      if (principal instanceof Response) return principal;
      const digest = c.req.param('digest').toLowerCase();
      if (!DIGEST.test(digest)) throw notFound(`\`${digest}\` is not a change digest`);
      const form = c.get('form');
      const comment = (form.comment ?? '').trim().slice(0, 4000);
      const now = deps.now().toISOString();
      const input = { digestOrPrefix: digest, person: principal.person };
      let outcome: { ok: true } | { ok: false; reason: string };
      if (verb === 'approve' || verb === 'sign-off') {
        outcome = await approveChange(deps.store, { ...input, ...(comment ? { comment } : {}), ...(verb === 'sign-off' ? { signOff: true } : {}) }, deps.catalog, now);
      } else if (verb === 'reject') {
        const reason = (form.reason ?? '').trim().slice(0, 4000);
        if (reason === '') throw badRequest('a rejection needs a reason', [{ path: 'form.reason', message: 'required' }]);
        outcome = await rejectChange(deps.store, { ...input, reason }, deps.catalog, now);
      } else {
        outcome = await withdrawRejection(deps.store, { ...input, ...(comment ? { comment } : {}) }, deps.catalog, now);
      }
      if (!outcome.ok) return renderPage(c, deps, principal, digest, { kind: 'bad', text: `Refused: ${outcome.reason}` }, 409);
      const done = { approve: 'approved', 'sign-off': 'signed-off', reject: 'rejected', withdraw: 'withdrawn' }[verb];
      return c.redirect(`${path('changes', digest)}?done=${done}#decide-h`, 303);
    });
  decide('approve');
  decide('sign-off');
  decide('reject');
  decide('withdraw');
}

async function renderPage(
  c: Context<AppEnv>,
  deps: ServerDeps,
  principal: RequestPrincipal,
  digest: string,
  notice: { kind: 'ok' | 'bad'; text: string } | undefined,
  statusCode: 200 | 409,
): Promise<Response> {
  if (!DIGEST.test(digest.toLowerCase())) throw notFound(`\`${digest}\` is not a change digest`);
  const status = await changeStatus(deps.store, digest.toLowerCase(), deps.catalog, deps.now().toISOString());
  if (!status.ok) throw notFound(status.reason);
  const { change } = status;
  const [lineDecisions, line, deploys] = await Promise.all([
    deps.store.approvals.listForLines([change.lineId]).then((map) => map.get(change.lineId) ?? []),
    deps.store.changes.line(change.lineId),
    readChangeDeploys(deps.store, change),
  ]);
  const decisions = lineDecisions.map((d) => ({ ...d, stale: d.kind !== 'reject' && (!status.current || d.digest !== change.digest) }));
  const page = renderChangePage({ principal, status, decisions, line, deploys, decide: decisionOptions(deps, principal, status), ...(notice ? { notice } : {}) });
  return c.html(page.value, statusCode, { 'Cache-Control': 'no-store' });
}

function decisionOptions(deps: ServerDeps, principal: RequestPrincipal, status: Extract<Awaited<ReturnType<typeof changeStatus>>, { ok: true }>): DecisionOptions {
  const me = principal.person;
  const people = peopleOf(deps.catalog);
  const denied = whyDenied(principal, 'changes:decide');
  const signOff = status.requirements.find((r) => r.kind === 'sign-off' && !r.satisfied && r.person === me);
  const cannotDecide = denied
    ? `You cannot decide here: ${denied}.`
    : !people.byId(me)
      ? `\`${me}\` is not a person in the catalog, so decisions would not count.`
      : authorsOf(status.change.evaluation, people).has(me)
        ? 'You wrote or operated this change, so you cannot approve it. Reviewers see it in their queue.'
        : undefined;
  return {
    current: status.current,
    hasRejection: status.rejections.some((r) => r.person === me),
    approved: status.approvals.some((a) => a.kind === 'approve' && a.person === me),
    ...(cannotDecide ? { cannotDecide } : {}),
    ...(signOff && signOff.kind === 'sign-off' ? { signOffRole: signOff.role } : {}),
  };
}
