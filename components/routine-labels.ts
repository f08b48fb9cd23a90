/**
 * The one place that maps routine metadata (equipment, body areas, positions, kinds) and the
 * safety answer to the message keys of their labels, for every page; and durations in words.
 */
import { t, type MessageKey } from '../lib/i18n';
import type { BodyArea, Equipment, Position, RoutineKind } from '../content/types';
import type { HealthAnswer } from '../lib/storage/health';

export const EQUIPMENT_LABEL: Record<Exclude<Equipment, 'none'>, MessageKey> = {
  chair: 'equip_chair',
  wall: 'equip_wall',
  'tennis-ball': 'equip_tennis_ball',
  'massage-ball': 'equip_massage_ball',
  'foam-roller': 'equip_foam_roller',
};
export const AREA_LABEL: Record<BodyArea, MessageKey> = {
  neck: 'area_neck',
  shoulders: 'area_shoulders',
  'upper-back': 'area_upper_back',
  'lower-back': 'area_lower_back',
  hips: 'area_hips',
  legs: 'area_legs',
  wrists: 'area_wrists',
  hands: 'area_hands',
  eyes: 'area_eyes',
};
export const POSITION_LABEL: Record<Position, MessageKey> = {
  seated: 'position_seated',
  standing: 'position_standing',
  wall: 'position_wall',
};
export const KIND_LABEL: Record<RoutineKind, MessageKey> = {
  stretch: 'kind_stretch',
  'self-massage': 'kind_self_massage',
  posture: 'kind_posture',
  eyes: 'kind_eyes',
};
export const KIND_GROUP: Record<RoutineKind, MessageKey> = {
  stretch: 'kindGroup_stretch',
  'self-massage': 'kindGroup_self_massage',
  posture: 'kindGroup_posture',
  eyes: 'kindGroup_eyes',
};
export const SELF_MASSAGE_STATUS: Record<HealthAnswer, MessageKey> = {
  ask: 'selfMassageAsk',
  screened: 'selfMassageScreened',
  allowed: 'selfMassageAllowed',
  off: 'selfMassageScreened',
  hidden: 'selfMassageHidden',
};

/** A routine's length in words: "45 s", "3 min", "2 min 30 s". */
export function duration(sec: number): string {
  const m = Math.floor(sec / 60);
  const s = sec % 60;
  if (m === 0) return t('durSec', s);
  return s === 0 ? t('durMin', m) : t('durMinSec', [m, s]);
}

