#!/usr/bin/env node
'use strict';
/**
 * Start both sandboxes with default credentials:
 *   node test/sandbox/cli.js [--recruitee-port 5701] [--sumsub-port 5702]
 * Stays up until SIGINT/SIGTERM.
 */
const recruitee = require('./recruitee');
const sumsub = require('./sumsub');

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ recruiteePort: number, sumsubPort: number }} */
  const out = { recruiteePort: 5701, sumsubPort: 5702 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = inline !== undefined ? inline : argv[++i];
    const port = Number(value);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port for ${flag}: ${value}`);
    if (flag === '--recruitee-port') out.recruiteePort = port;
    else if (flag === '--sumsub-port') out.sumsubPort = port;
    else throw new Error(`unknown option ${flag}`);
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const r = await recruitee.start({ port: args.recruiteePort });
  const s = await sumsub.start({ port: args.sumsubPort });
  console.log(`Recruitee sandbox: ${r.url}`);
  console.log(`  base URL:   ${r.baseUrl}`);
  console.log(`  company id: ${r.companyId}`);
  console.log(`  API token:  ${r.token}   (Authorization: Bearer ${r.token})`);
  console.log(`  data:       ${r.data.candidates.length} candidates, ${r.data.offers.length} offers, ${r.data.auditLog.length} audit log entries`);
  console.log(`Sumsub sandbox:    ${s.url}`);
  console.log(`  app token:  ${s.appToken}`);
  console.log(`  secret key: ${s.secretKey}`);
  console.log(`  data:       ${s.data.events.length} audit trail events`);
  console.log('Press Ctrl+C to stop.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.all([r.close(), s.close()]);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
