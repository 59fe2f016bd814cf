// What saving a tiers answers to its form: the new id, or what to ask before saving.

export type TiersDuplicate = { id: string; name: string; externalRef: string | null; reason: string };

export type SaveTiersData = {
  id?: string;
  duplicates?: TiersDuplicate[];
  /** The address as it was probably meant ("Vouliez-vous dire … ?"), asked before saving like a duplicate. */
  emailSuggestion?: string;
};
