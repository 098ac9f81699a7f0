import type { AvatarPreset } from '../api/profileApi';
import bear from './bear.svg';
import cat from './cat.svg';
import fox from './fox.svg';
import koala from './koala.svg';
import owl from './owl.svg';
import panda from './panda.svg';

/**
 * The preset pictures, bundled as the same SVG drawings auth-service serves, so the picker never
 * depends on a colour-emoji font being installed.
 */
export const PRESET_IMAGES: Record<AvatarPreset, string> = { fox, owl, cat, bear, panda, koala };

export const PRESET_LABELS: Record<AvatarPreset, string> = {
  fox: 'Fox',
  owl: 'Owl',
  cat: 'Cat',
  bear: 'Bear',
  panda: 'Panda',
  koala: 'Koala',
};
