import type { OptionsSection } from '../section';
import { generalSection } from './general';
import { imagesSection } from './images';
import { readerSection } from './reader';
import { storageSection } from './storage';

/** The options page, top to bottom. Features add their section here. */
export const SECTIONS: OptionsSection[] = [generalSection, imagesSection, readerSection, storageSection];
