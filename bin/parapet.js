#!/usr/bin/env node
import '../dist/parapet.js';
