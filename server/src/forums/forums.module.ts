import type { FeatureModule } from '../feature-module.js';
import { Forum } from './forum.entity.js';
import { ForumsResolver } from './forums.resolver.js';

/** Councils and forums for dialogue. */
export const forumsModule: FeatureModule = {
  name: 'forums',
  entities: [Forum],
  resolvers: [ForumsResolver],
};
