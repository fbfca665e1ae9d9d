// zod compiles fast object parsers with `new Function`, which the app's Content-Security-Policy
// (script-src 'self', no 'unsafe-eval') refuses and reports. Its plain parser is as correct; this
// must run before any schema is built, so main.tsx imports it first.
import { config } from 'zod/v4/core';

config({ jitless: true });
