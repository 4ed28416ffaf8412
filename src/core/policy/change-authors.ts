/**
 * @module Who wrote a change: commit authors and committers, plus the operators who drove an AI.
 */
import type { Change } from '../change.js';
import { builtInAiTool, githubNoreply } from '../provenance-markers.js';
import type { Provenance } from '../provenance.js';
import type { PeopleDirectory } from './people.js';

/**
 * Person ids (or lower-case emails for people the catalog does not know) of everyone who authored,
 * committed or operated the change. None of them may approve it.
 */
export function findChangeAuthors(change: Change, provenance: Provenance, people: PeopleDirectory): string[] {
  const authors = new Set<string>();
  const add = (email: string): void => {
    if (email) authors.add(people.idForEmail(email) ?? email.toLowerCase());
  };
  for (const commit of change.commits) {
    add(commit.author.email);
    add(commit.committer.email);
    for (const trailer of commit.trailers) {
      if (trailer.key.toLowerCase() !== 'co-authored-by') continue;
      const email = /<([^>]+)>/.exec(trailer.value)?.[1];
      if (email) add(email);
    }
  }
  for (const operator of provenance.operators) authors.add(people.idForEmail(operator) ?? operator);
  return [...authors].sort();
}

/**
 * Emails of human authors and committers the catalog does not know. Their approvals could come
 * in under another identity (a commit email is whatever its author configured), so policy treats
 * them as unverified. AI tools and bot accounts are not people and are left out.
 */
export function findUnknownAuthors(change: Change, people: PeopleDirectory): string[] {
  const unknown = new Set<string>();
  for (const commit of change.commits) {
    for (const { email } of [commit.author, commit.committer]) {
      if (!email || people.idForEmail(email) || builtInAiTool(email) || githubNoreply(email)?.login.endsWith('[bot]')) continue;
      unknown.add(email.toLowerCase());
    }
  }
  return [...unknown].sort();
}
