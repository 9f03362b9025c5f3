import type { OptionsSection } from '../section';
import { generalSection } from './general';
import { storageSection } from './storage';

/** The options page, top to bottom. Features add their section here. */
export const SECTIONS: OptionsSection[] = [generalSection, storageSection];
