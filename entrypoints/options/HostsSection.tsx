/** "Enabled EHR hosts": the built-in hosts, the ones added with their access, and whether dermlint could start on them. */
import { useEffect, useState } from 'preact/hooks';
import { BUILTIN_MATCHES } from '../../adapters/index';
import { hostScriptsStatus, onHostScriptsStatusChanged, type HostScriptsStatus } from '../../lib/host-scripts-status';
import { HostList } from '../../components/HostList';
import type { HostAccess } from './host-access';

export interface HostsSectionProps {
  extraHosts: readonly string[];
  hosts: HostAccess;
}

export function HostsSection({ extraHosts, hosts }: HostsSectionProps) {
  const [scripts, setScripts] = useState<HostScriptsStatus | undefined>(undefined);
  useEffect(() => {
    const load = () => void hostScriptsStatus().then(setScripts, () => undefined);
    load();
    return onHostScriptsStatusChanged(load);
  }, []);

  return (
    <section id="hosts" class="card" aria-labelledby="hosts-h">
      <h2 id="hosts-h">Enabled EHR hosts</h2>
      <p class="hint">
        dermlint reads screens only on these hosts. Add your EHR’s host if it is not built in; the browser asks you to
        allow it.
      </p>
      <HostList
        builtin={BUILTIN_MATCHES}
        extra={extraHosts.map((pattern) => ({ pattern, granted: hosts.granted[pattern] }))}
        onAdd={hosts.add}
        onRemove={(p) => void hosts.remove(p)}
        onGrant={hosts.grant}
        message={hosts.message}
      />
      {scripts && !scripts.ok && (
        <p class="notice bad" role="alert">
          dermlint could not start on the added hosts: {scripts.error}. It tries again whenever the hosts or their
          access change.
        </p>
      )}
    </section>
  );
}
