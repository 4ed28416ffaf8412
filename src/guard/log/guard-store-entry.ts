/**
 * @module The store, packaged apart from the guard (dist/guard-store.cjs): the guard bundle loads it
 * only for `tollgate guard log` and `approve`, so a hook call never parses the database code.
 */
export { openStore } from '../../store/open-store.js';
