/**
 * @module The agent guard as a service (the "warm guard"): one decision per action, recorded.
 */
import type { Catalog } from '../../../core/catalog/catalog-schema.js';
import type { AgentAction, GuardContext, GuardDecision, ProtectedPath } from '../../../guard/guard-types.js';
import { defaultProtectedPaths } from '../../../guard/paths/protected-paths.js';
import { decideWithFastPath } from '../../../guard/run-decision.js';
import { loadBashParser } from '../../../guard/shell/load-bash-parser.js';
import type { ShellParser } from '../../../guard/shell/shell-syntax.js';
import { defineRoute, type ApiRoute } from '../define-route.js';
import { guardBody } from '../schemas/guard-schema.js';

/** The bash grammar, loaded once per process on first need (a long-running server keeps it). */
let parser: Promise<ShellParser> | undefined;
const loadParser = (): Promise<ShellParser> => (parser ??= loadBashParser());

/** The catalog's protected paths: tier-1 critical paths and guardrail paths, plus the built-in ones. */
export function catalogProtectedPaths(catalog: Catalog): ProtectedPath[] {
  return [
    ...defaultProtectedPaths(),
    ...catalog.systems
      .filter((system) => system.tier === 1)
      .flatMap((system) => system.critical.map((pattern) => ({ pattern, reason: `is a critical path of tier-1 system \`${system.id}\``, verdict: 'ask' as const }))),
    ...catalog.guardrails.paths.map((pattern) => ({ pattern, reason: 'is a guardrail path in tollgate.yaml', verdict: 'ask' as const })),
  ];
}

export function guardRoutes(): ApiRoute[] {
  let protectedPaths: { catalog: Catalog; paths: ProtectedPath[] } | undefined;
  return [
    defineRoute({
      method: 'post',
      path: '/api/guard',
      operationId: 'guardDecision',
      summary: "Decide on an agent's action before it runs: allow, ask a person, or deny",
      description: 'The same decision as `tollgate guard`, with the server catalog. One-time approvals (`tollgate guard approve`) live on the agent machine and are not applied here. Any failure to decide is a deny.',
      tag: 'guard',
      permission: 'guard:decide',
      body: guardBody,
      responses: { 200: { description: '`{decision: allow|ask|deny, reasons, findings, digest}`' } },
      handle: async ({ c, deps, body, principal }) => {
        if (protectedPaths?.catalog !== deps.catalog) protectedPaths = { catalog: deps.catalog, paths: catalogProtectedPaths(deps.catalog) };
        const { context: reported } = body;
        const context: GuardContext = {
          cwd: reported.cwd,
          workspaceRoots: reported.workspaceRoots,
          ...(reported.home ? { home: reported.home } : {}),
          tempDirs: reported.tempDirs,
          env: reported.env,
          ...(reported.kubeContext ? { kubeContext: reported.kubeContext } : {}),
          ...(reported.terraformWorkspace ? { terraformWorkspace: reported.terraformWorkspace } : {}),
          git: reported.git,
          environments: deps.catalog.environments,
          protectedPaths: protectedPaths.paths,
          grants: [],
          now: deps.now().getTime(),
          shell: { parse: () => ({ commands: [], assignments: [], problems: ['no parser'] }) },
        };
        let decision: GuardDecision;
        try {
          decision = await decideWithFastPath(body.action as AgentAction, context, loadParser);
        } catch (error) {
          // Fail toward friction: a decision that cannot be made is a deny.
          deps.logger.error({ err: error }, 'guard decision failed');
          decision = { decision: 'deny', reasons: [`the guard could not decide: ${(error as Error).message}`], findings: [], digest: '' };
        }
        await deps.store.audit.append({
          type: 'guard.decision',
          actor: principal.person,
          subject: decision.digest,
          payload: {
            decision: decision.decision,
            kind: body.action.kind,
            ...(body.action.kind !== 'shell' ? { tool: body.action.tool } : {}),
            rules: [...new Set(decision.findings.map((finding) => finding.rule))],
            ...(body.agent ? { agent: body.agent } : {}),
          },
          at: deps.now().toISOString(),
        });
        return c.json({ schema: 'tollgate.guard/v1', ...decision });
      },
    }),
  ];
}
