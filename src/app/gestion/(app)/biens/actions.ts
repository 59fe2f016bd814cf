'use server';
import { staffAction } from '@/server/auth/staff-action';
import { createLeaseAction, updateLeaseAction } from '@/server/leases/actions';
import { createPropertyAction, updatePropertyAction } from '@/server/properties/actions';

export const createProperty = staffAction(createPropertyAction);
export const updateProperty = staffAction(updatePropertyAction);
export const createLease = staffAction(createLeaseAction);
export const updateLease = staffAction(updateLeaseAction);
