import type { OptionsSection } from '../section';
import { backupSection } from './backup';
import { exportSection } from './export';
import { generalSection } from './general';
import { imagesSection } from './images';
import { markdownFilesSection } from './markdown-files';
import { importSection } from './import';
import { readerSection } from './reader';
import { storageSection } from './storage';
import { syncSection } from './sync';

/** The options page, top to bottom. Features add their section here. */
export const SECTIONS: OptionsSection[] = [
  generalSection,
  readerSection,
  imagesSection,
  exportSection,
  markdownFilesSection,
  backupSection,
  importSection,
  syncSection,
  storageSection,
];
