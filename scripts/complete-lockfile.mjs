// Our registry mirror only carries the linux-x64 builds of packages that ship one binary package per
// platform (@swc/core-*, @unrs/resolver-binding-*, ...). `npm install` then leaves the other
// platforms' optional dependencies out of package-lock.json, and `npm ci` refuses such a lock as "out
// of sync". This script records every missing optional dependency as an optional entry so `npm ci`
// accepts the lock everywhere; npm skips entries whose os/cpu do not match, and tolerates an optional
// package it cannot fetch. Run it after every `npm install` that changes the lock.
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;
let added = 0;

for (const [path, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    if (findInstalled(path, name)) continue;
    packages[`node_modules/${name}`] = { version: range, optional: true, ...platformOf(name) };
    added++;
  }
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
console.log(`complete-lockfile: added ${added} optional platform entries`);

/** Node's resolution: the nearest node_modules/<name> walking up from the dependent package. */
function findInstalled(dependentPath, name) {
  let base = dependentPath;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return true;
    const cut = base.lastIndexOf('/node_modules/');
    if (base === '') return false;
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

/** Guess os/cpu from the conventional package name so npm never tries to fetch a foreign binary. */
function platformOf(name) {
  const os = ['darwin', 'win32', 'linux', 'freebsd', 'android', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'].find((o) =>
    name.includes(o),
  );
  const cpu = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el'].find((c) =>
    new RegExp(`[-_]${c}(?:[-_]|$)`).test(name),
  );
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}) };
}
