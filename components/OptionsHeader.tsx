/** The options page's heading and its section links; the link of the section in the address (#rules) is marked current. */
import { useEffect, useState } from 'preact/hooks';

export interface OptionsHeaderProps {
  /** [element id, link text], in page order; the first is current when the address names none. */
  sections: readonly (readonly [id: string, label: string])[];
}

export function OptionsHeader({ sections }: OptionsHeaderProps) {
  const fromAddress = () => location.hash.slice(1) || sections[0]![0];
  const [current, setCurrent] = useState(fromAddress);
  useEffect(() => {
    const follow = () => setCurrent(fromAddress());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  return (
    <header class="options-head">
      <div class="inner">
        <h1 class="brand">
          <span class="brand-mark" aria-hidden="true">
            d
          </span>
          dermlint options
        </h1>
        <nav class="options-nav" aria-label="Sections">
          <ul>
            {sections.map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`} aria-current={current === id ? 'true' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
