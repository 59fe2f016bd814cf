'use server';
import { staffAction } from '@/server/auth/staff-action';
import { createLeaseAction, updateLeaseAction } from '@/server/leases/save-lease';
import { createPropertyAction, updatePropertyAction } from '@/server/properties/save-property';

export const createProperty = staffAction(createPropertyAction);
export const updateProperty = staffAction(updatePropertyAction);
export const createLease = staffAction(createLeaseAction);
export const updateLease = staffAction(updateLeaseAction);
