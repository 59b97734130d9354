// The storage formats' schemas at every version, as published in docs/schema/ (facts checked only as JSON).

import { AnyFacts } from '../domain/schema-parts';
import { backupSchema } from './backup';
import { caseBundleSchema } from './cases';
import { envelopeSchema } from './envelope';

export const EnvelopeV1Schema = envelopeSchema(1, AnyFacts);
export const EnvelopeV2Schema = envelopeSchema(2, AnyFacts);
export const EnvelopeV3Schema = envelopeSchema(3, AnyFacts);
export const EnvelopeV4Schema = envelopeSchema(4, AnyFacts);
export const CaseBundleV2Schema = caseBundleSchema(2, EnvelopeV2Schema);
export const CaseBundleV3Schema = caseBundleSchema(3, EnvelopeV3Schema);
export const CaseBundleV4Schema = caseBundleSchema(4, EnvelopeV4Schema);
export const BackupV1Schema = backupSchema(EnvelopeV4Schema);
