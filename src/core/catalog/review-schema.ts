/**
 * @module The `review` section: the agentic (LLM) reviewer's provider and when it is required.
 */
import * as z from 'zod';

const tier = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const reviewRequiredSchema = z
  .strictObject({
    tiers: z.array(tier).default([1]).describe('Tiers whose changes always need the review.'),
    aiAuthoredTiers: z.array(tier).default([2]).describe('Tiers whose AI-authored changes need the review.'),
  })
  .describe('When policy requires the review; a required review that cannot run costs one owner approval.');

export const reviewSchema = z
  .strictObject({
    provider: z.enum(['openai', 'anthropic', 'command']),
    model: z.string().min(1).optional(),
    baseUrl: z.string().optional(),
    apiKeyEnv: z.string().optional().describe('Name of the environment variable holding the API key; never the key itself.'),
    command: z.array(z.string()).min(1).optional().describe('For `command`: argv of an executable reading the request on stdin.'),
    timeoutSeconds: z.number().positive().default(60),
    maxRetries: z.int().min(0).max(10).default(2),
    tokenBudget: z.int().min(1000).default(60000),
    maxOutputTokens: z.int().min(256).max(64000).default(4096).describe('Upper bound on the answer, in tokens.'),
    required: reviewRequiredSchema.default({ tiers: [1], aiAuthoredTiers: [2] }),
  })
  .superRefine((review, ctx) => {
    if (review.provider !== 'command' && !review.model) {
      ctx.addIssue({ code: 'custom', path: ['model'], message: `provider \`${review.provider}\` needs a \`model\`` });
    }
    if (review.provider === 'command' && !review.command) {
      ctx.addIssue({ code: 'custom', path: ['command'], message: 'provider `command` needs `command` (an argv list)' });
    }
  })
  .describe('The agentic reviewer; it can only add friction.');

export type ReviewConfig = z.infer<typeof reviewSchema>;
