// Loads the embedded Postgres launcher the way the real global setup does, without starting a server.
import '../../embedded-postgres.ts';

export default function setup() {}
