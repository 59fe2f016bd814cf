// The file picker's `accept`: what src/server/documents/file-type.ts takes (checked again on the server by content).

export const ACCEPT_ATTRIBUTE = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';
