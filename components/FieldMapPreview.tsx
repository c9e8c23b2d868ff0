/** What a field map read on the open tab: status, why not, and the lines as a table. */

/** One frame's reading, as the probe script returns it (codes only, no patient data). */
export interface ProbeSummary {
  status: 'ok' | 'absent' | 'unreadable';
  reason?: string;
  lines: { code: string; modifiers: string[]; units: number; pointers: number[]; site?: string }[];
  diagnoses: number;
  payerKind?: string;
  abnSigned?: boolean;
  /** Characters of the note read (its text never leaves the page). */
  noteChars?: number;
  /** Prior services the visit history showed. */
  history?: number;
}

export interface ProbeReport {
  /** The tab's host, e.g. ehr.example.com. */
  host?: string;
  /** How many frames were read. */
  frames: number;
  /** The frame that read best (ok, else unreadable, else absent). */
  best: ProbeSummary;
}

export interface FieldMapPreviewProps {
  report: ProbeReport | null;
  error: string | null;
  testing?: boolean;
}

const STATUS: Record<ProbeSummary['status'], [string, string]> = {
  ok: ['ok', 'Read'],
  unreadable: ['bad', 'Could not read'],
  absent: ['none', 'No encounter found'],
};

export function FieldMapPreview({ report, error, testing }: FieldMapPreviewProps) {
  return (
    <section class="preview" aria-labelledby="fm-preview-h" aria-live="polite" aria-busy={testing ? true : undefined}>
      <h4 id="fm-preview-h" class="visually-hidden">
        Test result
      </h4>
      {error ? (
        <p class="notice bad">{error}</p>
      ) : report ? (
        <div class="notice">
          <p>
            <span class={`pill ${STATUS[report.best.status][0]}`}>{STATUS[report.best.status][1]}</span>{' '}
            {report.host ? (
              <>
                on <code>{report.host}</code>
              </>
            ) : null}{' '}
            <span class="muted small">
              ({report.frames} {report.frames === 1 ? 'frame' : 'frames'} read)
            </span>
          </p>
          {report.best.status === 'unreadable' && <p>{report.best.reason}</p>}
          {report.best.status === 'absent' && (
            <p>
              Neither the procedure rows nor the diagnosis rows matched anything on this screen. Check the two “Rows”
              selectors, and that an encounter is open.
            </p>
          )}
          {report.best.status === 'ok' && (
            <>
              <dl class="facts">
                <dt>Lines</dt>
                <dd>{report.best.lines.length}</dd>
                <dt>Diagnoses</dt>
                <dd>{report.best.diagnoses}</dd>
                <dt>Payer kind</dt>
                <dd>{report.best.payerKind ?? 'unknown'}</dd>
                {report.best.abnSigned !== undefined && (
                  <>
                    <dt>ABN signed</dt>
                    <dd>{report.best.abnSigned ? 'yes' : 'no'}</dd>
                  </>
                )}
                {report.best.noteChars !== undefined && (
                  <>
                    <dt>Note</dt>
                    <dd>{report.best.noteChars ? `${report.best.noteChars} characters read` : 'none found'}</dd>
                  </>
                )}
                {report.best.history !== undefined && (
                  <>
                    <dt>Visit history</dt>
                    <dd>
                      {report.best.history} prior {report.best.history === 1 ? 'service' : 'services'}
                    </dd>
                  </>
                )}
              </dl>
              {report.best.lines.length > 0 && (
                <div class="table-wrap">
                  <table>
                    <caption class="visually-hidden">Lines read with this field map</caption>
                    <thead>
                      <tr>
                        <th scope="col" class="num">
                          #
                        </th>
                        <th scope="col">Code</th>
                        <th scope="col">Modifiers</th>
                        <th scope="col" class="num">
                          Units
                        </th>
                        <th scope="col">Pointers</th>
                        <th scope="col">Site</th>
                      </tr>
                    </thead>
                    <tbody>
                      {report.best.lines.map((l, i) => (
                        <tr key={i}>
                          <td class="num">{i + 1}</td>
                          <td>
                            <code>{l.code || '(none)'}</code>
                          </td>
                          <td>{l.modifiers.join(' ') || '—'}</td>
                          <td class="num">{l.units}</td>
                          <td>{l.pointers.join(', ') || '—'}</td>
                          <td>{l.site ?? '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
