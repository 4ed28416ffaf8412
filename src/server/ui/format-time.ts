/**
 * @module Times for people: an absolute UTC time in a `<time>` element, with an age beside it.
 */
import { html, type SafeHtml } from './html.js';

/** `2026-03-04 14:05 UTC` */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `3 h`, `2 d`, `45 min` */
export function formatAge(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round(hours / 24)} d`;
}

export function timeElement(iso: string): SafeHtml {
  return html`<time datetime="${iso}">${formatUtc(iso)}</time>`;
}
