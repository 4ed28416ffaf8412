#!/usr/bin/env node
'use strict';
// The guard runs before every agent action: it has its own lean bundle so it starts fast.
const bundle = process.argv[2] === 'guard' ? '../dist/guard.cjs' : '../dist/tollgate.cjs';
require(bundle);
