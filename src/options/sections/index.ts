import type { OptionsSection } from '../section';
import { backupSection } from './backup';
import { exportSection } from './export';
import { generalSection } from './general';

/** The options page, top to bottom. Features add their section here. */
export const SECTIONS: OptionsSection[] = [generalSection, exportSection, backupSection];
