/**
 * Imported first by main.ts, for its side effect: the optimizing compiler is off before the other
 * modules of the bundle load (see compilerTier.ts).
 */
import { compilerTier } from './compilerTier';

compilerTier.startBaseline();
