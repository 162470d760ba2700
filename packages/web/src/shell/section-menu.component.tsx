import { useTranslation } from 'react-i18next';
import './section-menu.css';

export interface MenuSection {
  /** The id of the element the link jumps to (a section's own id). */
  id: string;
  label: string;
}

/**
 * A long page's table of contents: links to its sections, so that on a phone nobody has to scroll through
 * everything to reach the part they came for. Plain anchors: they work without script, and the browser's
 * back button returns to the menu.
 */
export function SectionMenu({ sections }: { sections: MenuSection[] }) {
  const { t } = useTranslation();
  if (sections.length < 2) return null;
  return (
    <nav className="section-menu" aria-label={t('shell.sectionMenu')}>
      <ul>
        {sections.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`}>{s.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
