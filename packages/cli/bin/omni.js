#!/usr/bin/env node
// Committed and executable so `npx omni` works right after `npm ci`; the code is built to dist/.
import '../dist/bin.js';
