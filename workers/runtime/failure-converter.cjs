// Temporal's failure converter for ServicePro: an error's message and stack trace travel as an
// encoded payload, so the payload codec encrypts them like every other payload. Activity errors
// carry customer data (Twilio: "The 'To' number +1… is not a valid phone number."), and history
// would otherwise keep them in the clear.
//
// Temporal loads it by path (DataConverter.failureConverterPath) in the client, the worker and the
// workflow bundle: plain CommonJS, so Node, tsx, vitest and webpack can all require it.
const { DefaultFailureConverter } = require('@temporalio/common');

exports.failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
