/**
 * @module The `review` section: the agentic (LLM) reviewer's provider and when it is required.
 */
import { z } from 'zod';

export const reviewSchema = z
  .strictObject({
    provider: z.enum(['openai', 'anthropic', 'command']),
    model: z.string().optional(),
    baseUrl: z.string().optional(),
    apiKeyEnv: z.string().optional().describe('Name of the environment variable holding the API key; never the key itself.'),
    command: z.array(z.string()).optional().describe('For `command`: argv of an executable reading the request on stdin.'),
    timeoutSeconds: z.number().positive().default(60),
    maxRetries: z.int().min(0).max(10).default(2),
    tokenBudget: z.int().min(1000).default(60000),
  })
  .describe('The agentic reviewer; it can only add friction.');
