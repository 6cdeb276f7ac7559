import type { Transport } from './inbound.verdict.js'
import type { Listener } from './sockets.verdict.js'

/**
 * What a listening socket is, in plain words: by its program where the program says it (sshd on any port is
 * remote login), else by its port (IANA's registry and each product's own documentation, see
 * docs/checks/network.md), else by a program that serves whatever it is told to (node, python: a development
 * server). Anything else is named by its port and program only.
 */
export type ServiceKind =
  | 'remote-login'
  | 'screen-sharing'
  | 'file-sharing'
  | 'printer'
  | 'discovery'
  | 'media'
  | 'dev-server'
  | 'web-server'
  | 'database'
  | 'windows-rpc'
  | 'network-client'
  | 'other'

/**
 * How bad it is when another machine on the network can reach it: `fail` hands out data or control (a database,
 * a development server's files, screen sharing, file sharing); `warn` tells the network about this machine or
 * opens a door a setting still guards (discovery, printers, SSH whose login settings remote.access judges);
 * `info` is a client the network needs (DHCP), listed but no finding.
 */
export const RISK: Readonly<Record<ServiceKind, 'fail' | 'warn' | 'info'>> = {
  'remote-login': 'warn',
  'screen-sharing': 'fail',
  'file-sharing': 'fail',
  printer: 'warn',
  discovery: 'warn',
  media: 'warn',
  'dev-server': 'fail',
  'web-server': 'warn',
  database: 'fail',
  'windows-rpc': 'warn',
  'network-client': 'info',
  other: 'warn',
}

export interface Service {
  kind: ServiceKind
  /** The protocol or product, untranslated ("SSH", "VNC", "PostgreSQL"); empty for `other`. */
  protocol: string
}

interface PortEntry extends Service {
  transport: Transport | 'any'
  from: number
  to: number
}

const port = (transport: Transport | 'any', from: number, kind: ServiceKind, protocol: string, to = from): PortEntry => ({
  transport,
  from,
  to,
  kind,
  protocol,
})

const PORTS: readonly PortEntry[] = [
  port('tcp', 22, 'remote-login', 'SSH'),
  port('tcp', 23, 'remote-login', 'Telnet'),
  port('tcp', 5900, 'screen-sharing', 'VNC', 5909),
  port('any', 3389, 'screen-sharing', 'RDP'),
  port('any', 3283, 'screen-sharing', 'Apple Remote Desktop'),
  port('tcp', 445, 'file-sharing', 'SMB'),
  port('tcp', 139, 'file-sharing', 'SMB over NetBIOS'),
  port('any', 2049, 'file-sharing', 'NFS'),
  port('any', 111, 'file-sharing', 'RPC portmapper (NFS)'),
  port('tcp', 548, 'file-sharing', 'AFP'),
  port('any', 631, 'printer', 'IPP/CUPS'),
  port('tcp', 515, 'printer', 'LPD'),
  port('tcp', 9100, 'printer', 'raw printing (JetDirect)'),
  port('udp', 5353, 'discovery', 'mDNS/Bonjour'),
  port('any', 5355, 'discovery', 'LLMNR'),
  port('udp', 1900, 'discovery', 'SSDP/UPnP'),
  port('udp', 3702, 'discovery', 'WS-Discovery'),
  port('udp', 137, 'discovery', 'NetBIOS name service', 138),
  port('tcp', 7000, 'media', 'AirPlay'),
  port('tcp', 8009, 'media', 'Chromecast/Google Cast'),
  port('tcp', 80, 'web-server', 'HTTP'),
  port('tcp', 443, 'web-server', 'HTTPS'),
  port('tcp', 3306, 'database', 'MySQL/MariaDB'),
  port('tcp', 5432, 'database', 'PostgreSQL'),
  port('tcp', 6379, 'database', 'Redis'),
  port('tcp', 27017, 'database', 'MongoDB'),
  port('tcp', 9200, 'database', 'Elasticsearch'),
  port('any', 11211, 'database', 'memcached'),
  port('tcp', 5984, 'database', 'CouchDB'),
  port('tcp', 1433, 'database', 'Microsoft SQL Server'),
  port('tcp', 135, 'windows-rpc', 'RPC endpoint mapper'),
  port('tcp', 5985, 'remote-login', 'WinRM', 5986),
  port('udp', 68, 'network-client', 'DHCP client'),
  port('udp', 546, 'network-client', 'DHCPv6 client'),
  // The usual ports of development servers (Create React App, Flask, Angular, Vite, Django, webpack, Jupyter).
  port('tcp', 3000, 'dev-server', 'HTTP', 3001),
  port('tcp', 4200, 'dev-server', 'HTTP'),
  port('tcp', 5000, 'dev-server', 'HTTP'),
  port('tcp', 5173, 'dev-server', 'HTTP'),
  port('tcp', 8000, 'dev-server', 'HTTP'),
  port('tcp', 8080, 'dev-server', 'HTTP'),
  port('tcp', 8888, 'dev-server', 'HTTP'),
]

interface ProgramEntry extends Service {
  name: RegExp
  /** A runtime that serves whatever it runs: a known port says more than the program. */
  generic?: true
}

const program = (name: RegExp, kind: ServiceKind, protocol: string, generic?: true): ProgramEntry =>
  generic ? { name, kind, protocol, generic } : { name, kind, protocol }

// Names as the tables print them: Linux comm (15 characters at most), lsof's command, Windows ProcessName.
const PROGRAMS: readonly ProgramEntry[] = [
  program(/^(sshd|sshd-session|dropbear)$/, 'remote-login', 'SSH'),
  program(/^(x11vnc|xvnc|vino-server|wayvnc|krfb|tigervnc|winvnc|tvnserver|vncserver)/i, 'screen-sharing', 'VNC'),
  program(/^(gnome-remote-de|xrdp)/, 'screen-sharing', 'RDP'),
  program(/^(screensharingd|ardagent)$/i, 'screen-sharing', 'Screen Sharing'),
  program(/^(smbd|nmbd|samba)$/, 'file-sharing', 'SMB'),
  program(/^(rpc\.nfsd|nfsd|rpcbind|rpc\.mountd)$/, 'file-sharing', 'NFS'),
  program(/^cupsd$/, 'printer', 'IPP/CUPS'),
  program(/^(avahi-daemon|mdnsresponder)/i, 'discovery', 'mDNS/Bonjour'),
  // resolved answers LLMNR on 5355 and mDNS on 5353 (the port table names each); any other port is still discovery.
  program(/^(systemd-resolve|systemd-resolved)$/, 'discovery', 'LLMNR/mDNS', true),
  program(/^(rapportd|sharingd)$/, 'discovery', 'Apple Continuity'),
  program(/^(controlcenter|airplayxpchelper)$/i, 'media', 'AirPlay'),
  program(/^(apache2|httpd|nginx|caddy|lighttpd)$/, 'web-server', 'HTTP'),
  program(/^(postgres|postmaster)$/, 'database', 'PostgreSQL'),
  program(/^(mysqld|mariadbd)$/, 'database', 'MySQL/MariaDB'),
  program(/^redis-server$/, 'database', 'Redis'),
  program(/^mongod$/, 'database', 'MongoDB'),
  program(/^(dhclient|dhcpcd|NetworkManager|systemd-network)$/, 'network-client', 'DHCP client'),
  program(
    /^(node|nodejs|deno|bun|npm|vite|python[0-9.]*|ruby|php|php-fpm|uvicorn|gunicorn|flask|jupyter.*|http-server)$/i,
    'dev-server',
    'HTTP',
    true,
  ),
]

const inPorts = (l: Listener): PortEntry | undefined =>
  PORTS.find((e) => (e.transport === 'any' || e.transport === l.transport) && l.port >= e.from && l.port <= e.to)

/** What a listener is: its program when that names one service, else its port, else a serving runtime, else `other`. */
export function serviceOf(l: Listener): Service {
  const name = l.process?.name ?? ''
  const byProgram = name === '' ? undefined : PROGRAMS.find((p) => p.name.test(name))
  const found = byProgram && !byProgram.generic ? byProgram : (inPorts(l) ?? byProgram)
  return found ? { kind: found.kind, protocol: found.protocol } : { kind: 'other', protocol: '' }
}
