/**
 * @module The audit report as JSON or CSV, for an org, a system or a director/VP over a period.
 */
import { badRequest } from '../../http/http-error.js';
import { readAuditReport } from '../../read/read-audit-report.js';
import { formatReportCsv } from '../../views/format-report-csv.js';
import { resolveReportPeriod } from '../../views/report-period.js';
import { resolveReportScope } from '../../views/report-scope.js';
import { defineRoute, type ApiRoute } from '../define-route.js';
import { reportQuery } from '../schemas/request-schemas.js';
import * as z from 'zod';

export function reportRoutes(): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/audit/report',
      operationId: 'auditReport',
      summary: 'Production change activity over a period: approvals, break-glass, AI share, time to approval, anomalies first',
      tag: 'audit',
      permission: 'audit:read',
      query: reportQuery.extend({ format: z.enum(['json', 'csv']).default('json') }),
      responses: { 200: { description: '`tollgate.audit-report/v1` JSON, or CSV with one row per change' } },
      handle: async ({ c, deps, query }) => {
        const scope = resolveReportScope(query.scope, deps.catalog);
        if (!scope.ok) throw badRequest(scope.message, [{ path: 'query.scope', message: scope.message }]);
        const period = resolveReportPeriod(query.from, query.to, deps.now());
        if (!period.ok) throw badRequest(period.message, [{ path: 'query.from', message: period.message }]);
        const report = await readAuditReport(deps, scope.resolved, period.period.from, period.period.until);
        if (query.format === 'csv') {
          return c.body(formatReportCsv(report), 200, {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="tollgate-audit-${period.period.fromDay}-${period.period.toDay}.csv"`,
          });
        }
        return c.json(report);
      },
    }),
  ];
}
