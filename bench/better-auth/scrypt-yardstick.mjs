// The machine's raw scrypt throughput in Node (node:crypto scrypt on libuv's thread pool, as better-auth
// hashes passwords), at better-auth's parameters: N=16384, r=16, p=1, 64-byte key, 32-hex-character salt.
// node bench/better-auth/scrypt-yardstick.mjs [parallel calls] [seconds] [warmup seconds]
// (defaults: one call in flight per processor, 5 s, 2 s). Each of the parallel loops hashes back to back;
// a hash counts when it completes inside the measured window (throughput = completions / window); time and hash count are bounded.
// Prints "hashes=… hps=… parallel=…".
import { scrypt, randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";

const parallel = Number(process.argv[2] ?? availableParallelism());
const seconds = Number(process.argv[3] ?? 5);
const warmup = Number(process.argv[4] ?? 2);
const maxHashes = 100_000;
const config = { N: 16384, r: 16, p: 1, dkLen: 64 };

const hash = (password, salt) => new Promise((resolve, reject) =>
  scrypt(password.normalize("NFKC"), salt, config.dkLen,
    { N: config.N, r: config.r, p: config.p, maxmem: 128 * config.N * config.r * 2 },
    (error, key) => (error ? reject(error) : resolve(key))));

const now = () => performance.now();
const measureFrom = now() + warmup * 1000;
const end = measureFrom + seconds * 1000;
let budget = maxHashes;
let counted = 0;

async function loop() {
  while (now() < end && budget-- > 0) {
    await hash("correct horse battery staple", randomBytes(16).toString("hex"));
    const done = now();
    if (done >= measureFrom && done <= end) counted++;
  }
}

await Promise.all(Array.from({ length: parallel }, loop));
console.log(`hashes=${counted} hps=${(counted / seconds).toFixed(1)} parallel=${parallel}`);
