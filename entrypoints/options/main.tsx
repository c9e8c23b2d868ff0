/**
 * The options page: one component per section, each with its own state. The
 * settings are loaded and saved here (saved-settings.ts; the worker and content
 * scripts follow storage themselves) and the host access lives here
 * (host-access.ts), because several sections share them.
 */
import '../../lib/zod-jitless'; // first: before any zod schema is built
import { render } from 'preact';
import '../../assets/pages.css';
import { OptionsHeader } from '../../components/OptionsHeader';
import { SaveStatus } from '../../components/SaveStatus';
import { AuditSection } from './AuditSection';
import { CodeTablesSection } from './CodeTablesSection';
import { FieldMapsSection } from './FieldMapsSection';
import { GeneralSection } from './GeneralSection';
import { useHostAccess } from './host-access';
import { HostsSection } from './HostsSection';
import { RulesSection } from './RulesSection';
import { useSavedSettings } from './saved-settings';
import { SetAsideNotice } from './SetAsideNotice';
import { SettingsBackupSection } from './SettingsBackupSection';

/** [element id, link text] of each section, in page order. */
const SECTIONS = [
  ['general', 'General'],
  ['rules', 'Rules'],
  ['hosts', 'EHR hosts'],
  ['fieldmaps', 'Field maps'],
  ['tables', 'Code tables'],
  ['audit', 'Audit log'],
  ['backup', 'Import / export'],
] as const;

function Options() {
  const { settings, save, status, offerUndo, undo } = useSavedSettings();
  const hosts = useHostAccess(settings, save);

  if (!settings) {
    return (
      <main class="options-main">
        <p role="status">Loading settings…</p>
      </main>
    );
  }
  return (
    <>
      <OptionsHeader sections={SECTIONS} />
      <main class="options-main">
        <SaveStatus message={status} onUndo={undo} />
        <SetAsideNotice settings={settings} />
        <GeneralSection settings={settings} save={save} />
        <RulesSection settings={settings} save={save} offerUndo={offerUndo} />
        <HostsSection extraHosts={settings.extraHosts} hosts={hosts} />
        <FieldMapsSection settings={settings} save={save} hosts={hosts} />
        <CodeTablesSection />
        <AuditSection />
        <SettingsBackupSection settings={settings} save={save} />
      </main>
    </>
  );
}

render(<Options />, document.getElementById('app')!);
