// Starts fauxqs (SQS + SNS emulator) on 127.0.0.1 only.
// The fauxqs CLI always listens on 0.0.0.0 and logs every request as JSON; building the app ourselves avoids both.
// Usage: node start-fauxqs.mjs [port]   (or FAUXQS_PORT; default 4566, 0 picks a free port)
import { buildApp } from "fauxqs";

const port = Number.parseInt(process.argv[2] ?? process.env.FAUXQS_PORT ?? "4566", 10);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port: ${process.argv[2] ?? process.env.FAUXQS_PORT}`);
  process.exit(2);
}

const app = buildApp({ logger: false });
const address = await app.listen({ port, host: "127.0.0.1" });
console.log(`fauxqs listening at ${address}`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    app.close().finally(() => process.exit(0));
  });
}
