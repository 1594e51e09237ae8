import * as migration_20261122_040210_initial from './20261122_040210_initial';
import * as migration_20261130_214621_security_surface from './20261130_214621_security_surface';

export const migrations = [
  {
    up: migration_20261122_040210_initial.up,
    down: migration_20261122_040210_initial.down,
    name: '20261122_040210_initial',
  },
  {
    up: migration_20261130_214621_security_surface.up,
    down: migration_20261130_214621_security_surface.down,
    name: '20261130_214621_security_surface'
  },
];
