// The local Stripe sandbox lives in ./stripe/ (one file per resource, composed in index.ts); this
// path stays so the API and the test fakes import it as before.
export * from './stripe/index.ts';
