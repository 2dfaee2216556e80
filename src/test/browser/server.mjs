// Starts and stops the workbook's Jupyter server the way a person does (environment/start.sh), and looks
// at what it listens on. Used by notebook.test.mjs.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import net from 'node:net';

/** A TCP port that is free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Runs `environment/start.sh --no-browser --port=PORT --port-retries=0 [extra...]` in its own process group,
 * with its output copied to logFile, and resolves once the server has printed its address with the token
 * (start.sh may first build the jar, so the wait is long). Resolves to {proc, url, token, port}.
 */
export async function startServer({ root, port, logFile, extraArgs = [], env = process.env, timeoutMs = 300_000 }) {
  const log = createWriteStream(logFile);
  const args = ['--no-browser', `--port=${port}`, '--port-retries=0', ...extraArgs];
  log.write(`$ environment/start.sh ${args.join(' ')}\n`);
  const proc = spawn(`${root}/environment/start.sh`, args, {
    cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const seen = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(
      `start.sh printed no address with a token within ${timeoutMs / 1000} s; see ${logFile}`)), timeoutMs);
    const onData = (chunk) => {
      log.write(chunk);
      output += chunk.toString();
      // Jupyter prints e.g. "http://127.0.0.1:8899/?token=3f9c..." (or .../tree?token=...).
      const m = output.match(new RegExp(`http://127\\.0\\.0\\.1:${port}/[^\\s?]*\\?token=([0-9a-f]+)`));
      if (m) { clearTimeout(timer); resolve({ url: m[0], token: m[1] }); }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`start.sh exited (code ${code}, signal ${signal}) before the server was up; see ${logFile}`));
    });
  });
  const { url, token } = await seen;
  proc.removeAllListeners('exit');
  return { proc, url, token, port, output: () => output };
}

/** Shuts down the server's kernels through its API, then stops the server (SIGTERM, then SIGKILL). */
export async function stopServer(server) {
  if (!server) return;
  const base = `http://127.0.0.1:${server.port}`;
  try {
    const kernels = await (await fetch(`${base}/api/kernels?token=${server.token}`)).json();
    for (const k of kernels) {
      await fetch(`${base}/api/kernels/${k.id}?token=${server.token}`, { method: 'DELETE' });
    }
  } catch { /* the server may already be gone */ }
  const { proc } = server;
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  const killGroup = (sig) => { try { process.kill(-proc.pid, sig); } catch { /* already gone */ } };
  killGroup('SIGTERM');
  const timer = setTimeout(() => killGroup('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** The process and all its descendants (Linux /proc). */
export function processTree(rootPid) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try { stat = readFileSync(`/proc/${name}/stat`, 'utf8'); } catch { continue; }
    // "pid (comm) state ppid ...": comm may contain spaces and parentheses, so split after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(name));
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
  return tree;
}

function commandOf(pid) {
  try { return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(0, 3).join(' '); } catch { return '?'; }
}

/** "0100007F:22B3" (little-endian IPv4) or 32 hex digits (IPv6, four little-endian words) -> address text. */
function decodeAddress(hex) {
  const [addr, port] = hex.split(':');
  if (addr.length === 8) {
    const bytes = addr.match(/../g).map((b) => parseInt(b, 16)).reverse();
    return { ip: bytes.join('.'), port: parseInt(port, 16), family: 4 };
  }
  const words = addr.match(/.{8}/g).map((w) => w.match(/../g).reverse().join(''));
  if (words.slice(0, 3).join('').toLowerCase() === '00000000000000000000ffff') {
    // An IPv4-mapped IPv6 address (::ffff:a.b.c.d), as Java's sockets report IPv4 listeners.
    const v4 = words[3].match(/../g).map((b) => parseInt(b, 16));
    return { ip: v4.join('.'), port: parseInt(port, 16), family: 6 };
  }
  const groups = words.join('').match(/.{4}/g).map((g) => parseInt(g, 16).toString(16));
  return { ip: groups.join(':'), port: parseInt(port, 16), family: 6 }; // uncompressed, e.g. 0:0:0:0:0:0:0:1
}

/**
 * Every listening TCP socket owned by the process tree under rootPid: [{pid, command, ip, port, family}].
 * Reads /proc/net/tcp{,6} and each process's open file descriptors.
 */
export function listeningSockets(rootPid) {
  const listening = new Map(); // socket inode -> address
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines;
    try { lines = readFileSync(file, 'utf8').trim().split('\n').slice(1); } catch { continue; }
    for (const line of lines) {
      const f = line.trim().split(/\s+/);
      if (f[3] === '0A') listening.set(f[9], decodeAddress(f[1])); // 0A = TCP_LISTEN
    }
  }
  const found = [];
  for (const pid of processTree(rootPid)) {
    let fds;
    try { fds = readdirSync(`/proc/${pid}/fd`); } catch { continue; }
    for (const fd of fds) {
      let target;
      try { target = readlinkSync(`/proc/${pid}/fd/${fd}`); } catch { continue; }
      const m = target.match(/^socket:\[(\d+)\]$/);
      if (m && listening.has(m[1])) found.push({ pid, command: commandOf(pid), ...listening.get(m[1]) });
    }
  }
  return found;
}
