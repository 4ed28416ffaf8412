#!/usr/bin/env node
'use strict';
const { join } = require('node:path');
const { loadBundle } = require('./load-bundle.cjs');
// The guard runs before every agent action: it has its own lean bundle so it starts fast.
loadBundle(join(__dirname, '..', 'dist', process.argv[2] === 'guard' ? 'guard.cjs' : 'tollgate.cjs'));
