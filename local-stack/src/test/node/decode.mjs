// Reads a topic from the beginning with kafkajs and decodes every value with
// @kafkajs/confluent-schema-registry: an independent client for what Encore's Avro serde writes.
// Driven by KafkajsInteropIT; runnable by hand too:
//
//   node decode.mjs --bootstrap 127.0.0.1:9092 --registry http://127.0.0.1:8081/apis/ccompat/v7 \
//        --topic click-events --count 3 [--timeout-ms 60000] [--group my-group]
//
// Each option may also come from the environment: BOOTSTRAP_SERVERS, REGISTRY_URL, TOPIC,
// EXPECTED_COUNT, TIMEOUT_MS, GROUP_ID.
//
// Prints one JSON line per record on stdout:
//   {"partition":0,"offset":"0","key":"...","schemaId":7,"value":{...}}
// and exits 0 once `count` records were printed. Exits 1 on an error and 2 on a timeout, with the
// reason on stderr. Avro longs decode as JS numbers; avsc throws ("potential precision loss") for a
// long beyond 2^53 rather than silently rounding it, so such a record fails here instead of lying.

import kafkajs from 'kafkajs';
import schemaRegistry from '@kafkajs/confluent-schema-registry';

const { Kafka, logLevel } = kafkajs;
const { SchemaRegistry } = schemaRegistry;

const OPTIONS = {
  bootstrap: 'BOOTSTRAP_SERVERS',
  registry: 'REGISTRY_URL',
  topic: 'TOPIC',
  count: 'EXPECTED_COUNT',
  'timeout-ms': 'TIMEOUT_MS',
  group: 'GROUP_ID',
};

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      throw new Error(`Unexpected argument '${arg}'`);
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (!(name in OPTIONS)) {
      throw new Error(`Unknown option --${name}; known: ${Object.keys(OPTIONS).map((o) => `--${o}`).join(', ')}`);
    }
    if (eq >= 0) {
      args[name] = arg.slice(eq + 1);
    } else if (i + 1 < argv.length) {
      args[name] = argv[++i];
    } else {
      throw new Error(`Option --${name} needs a value`);
    }
  }
  for (const [name, env] of Object.entries(OPTIONS)) {
    if (args[name] === undefined && process.env[env] !== undefined) {
      args[name] = process.env[env];
    }
  }
  return args;
}

function required(args, name) {
  const value = args[name];
  if (value === undefined || value === '') {
    throw new Error(`Missing --${name} (or ${OPTIONS[name]})`);
  }
  return value;
}

function positiveInt(args, name, fallback) {
  const raw = args[name] ?? fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`--${name} must be a positive integer, was '${raw}'`);
  }
  return value;
}

// JSON.stringify cannot write BigInt, and Buffer/Long would come out as opaque objects: a BigInt (or a
// long.js Long) becomes a number when it is exact and a decimal string otherwise; bytes become base64.
function jsonReplacer(key, value) {
  const original = this[key];
  if (typeof original === 'bigint') {
    return Number.isSafeInteger(Number(original)) ? Number(original) : original.toString();
  }
  if (Buffer.isBuffer(original)) {
    return original.toString('base64');
  }
  if (original !== null && typeof original === 'object' && typeof original.low === 'number'
      && typeof original.high === 'number' && typeof original.unsigned === 'boolean') {
    const text = original.toString();
    return Number.isSafeInteger(Number(text)) ? Number(text) : text;
  }
  return value;
}

function schemaIdOf(buffer) {
  if (buffer.length < 5 || buffer[0] !== 0) {
    throw new Error(`Not in the Confluent wire format (magic byte ${buffer.length > 0 ? buffer[0] : 'missing'}, ${buffer.length} bytes)`);
  }
  return buffer.readInt32BE(1);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const bootstrap = required(args, 'bootstrap').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  const registryUrl = required(args, 'registry');
  const topic = required(args, 'topic');
  const expected = positiveInt(args, 'count');
  const timeoutMs = positiveInt(args, 'timeout-ms', 60000);
  const groupId = args.group || `encore-kafkajs-interop-${process.pid}-${Date.now()}`;

  // The library builds request URLs as `${host}${path}` (mappersmith), so a base URL with a path such as
  // .../apis/ccompat/v7 works as is; only a trailing slash would double up, and mappersmith strips it.
  const registry = new SchemaRegistry({ host: registryUrl.replace(/\/+$/, '') });
  const kafka = new Kafka({
    clientId: 'encore-kafkajs-interop',
    brokers: bootstrap,
    logLevel: logLevel.ERROR,
    retry: { retries: 5 },
  });
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });

  let seen = 0;
  let settled = false;
  let finish;
  const done = new Promise((resolve) => {
    finish = resolve;
  });
  const settle = (code, message) => {
    if (!settled) {
      settled = true;
      finish({ code, message });
    }
  };

  const timer = setTimeout(() => {
    settle(2, `Timed out after ${timeoutMs} ms with ${seen} of ${expected} records from topic ${topic}`);
  }, timeoutMs);

  consumer.on(consumer.events.CRASH, (event) => {
    settle(1, `kafkajs consumer crashed: ${event.payload?.error?.stack ?? event.payload?.error}`);
  });

  // Not awaited here: a connect that keeps retrying must not outlive the timeout.
  (async () => {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        if (settled) {
          return;
        }
        try {
          if (message.value === null) {
            throw new Error(`Record at ${topic}-${partition}@${message.offset} has a null value`);
          }
          const schemaId = schemaIdOf(message.value);
          const value = await registry.decode(message.value);
          const line = {
            partition,
            offset: message.offset,
            key: message.key === null ? null : message.key.toString('utf8'),
            schemaId,
            value,
          };
          process.stdout.write(`${JSON.stringify(line, jsonReplacer)}\n`);
          seen++;
          if (seen >= expected) {
            settle(0);
          }
        } catch (error) {
          settle(1, `Cannot decode record at ${topic}-${partition}@${message.offset}: ${error?.stack ?? error}`);
        }
      },
    });
  })().catch((error) => settle(1, `kafkajs failed: ${error?.stack ?? error}`));

  const { code, message } = await done;
  clearTimeout(timer);
  if (message) {
    process.stderr.write(`${message}\n`);
  }
  // A disconnect that hangs must not turn a result into a timeout.
  await Promise.race([consumer.disconnect().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5000))]);
  return code;
}

main().then(
  (code) => {
    process.exitCode = code;
    // Stdout is a pipe or file: let it drain, then leave even if a socket lingers.
    process.stdout.write('', () => process.exit(code));
  },
  (error) => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
